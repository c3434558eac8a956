package org.envmon.alerts.rules;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.envmon.model.alert.Severity;

/**
 * A rule type as the rules file names it ({@code rule.<id>.type=<name>}): the settings it takes besides the common
 * ones, how its configuration class is read from them, and the factory of the rule. Each rule class declares its type
 * in a {@code public static final RuleType<?> TYPE} field, registered in the shipped defaults ({@link RuleTypes}).
 *
 * @param defaultSeverity severity when the rule sets none; null for a type that takes no {@code severity}
 * @param settings        the type's own settings (the common ones are {@link RuleLoader#COMMON})
 */
public record RuleType<S extends RuleSpec>(String name, Severity defaultSeverity, Set<String> settings,
                                           Configurator<S> configurator, Function<? super S, AlertRule> factory) {

    /**
     * Reads a type's configuration from a rule's settings and the deployment's policies; throws
     * {@link IllegalArgumentException} for bad ones.
     */
    @FunctionalInterface
    public interface Configurator<S> {
        S configure(RuleBasics basics, RuleSettings settings, LoadContext context);
    }

    /** A {@link Configurator} of a type that follows no deployment-wide policy: its rule's settings say it all. */
    @FunctionalInterface
    public interface SettingsReader<S> {
        S read(RuleBasics basics, RuleSettings settings);
    }

    public RuleType {
        Objects.requireNonNull(name, "name");
        settings = Set.copyOf(settings);
        Objects.requireNonNull(configurator, "configurator");
        Objects.requireNonNull(factory, "factory");
    }

    /** A type whose configuration is read from its rule's settings alone. */
    public RuleType(String name, Severity defaultSeverity, Set<String> settings, SettingsReader<S> reader,
                    Function<? super S, AlertRule> factory) {
        this(name, defaultSeverity, settings, (basics, s, context) -> reader.read(basics, s), factory);
    }

    /** The rule of one rule's settings, under the deployment's policies. */
    public AlertRule build(RuleBasics basics, RuleSettings settings, LoadContext context) {
        return factory.apply(configurator.configure(basics, settings, context));
    }
}
