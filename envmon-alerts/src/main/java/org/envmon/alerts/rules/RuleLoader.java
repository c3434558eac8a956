package org.envmon.alerts.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.model.alert.Severity;

/**
 * Rules as configuration: {@code java.util.Properties} files (read as UTF-8), one key per rule setting,
 * {@code rule.<id>.<setting>=<value>}. The shipped defaults ({@value #DEFAULTS}) come first; a deployment's file is
 * laid over them key by key, so it can change one setting of a default rule ({@code rule.nh3n-iii.threshold=1.5}),
 * switch one off ({@code rule.offline.enabled=false}), add rules, or drop all defaults with {@code defaults=false}.
 * Unknown settings and bad values fail the load with the rule id and key named, so a typo never passes silently.
 *
 * <p>Settings of every rule ({@link #COMMON}): {@code type} (a registered {@link RuleType}: threshold, offline,
 * capture, qc-suspect in {@code rules.data}; city-aqi, heavy-pollution in {@code rules.air}; target-class,
 * drinking-source, heavy-metal, algal-bloom in {@code rules.water}), {@code enabled} (true), {@code severity} (info,
 * warning, major, critical; the type's default), {@code label} (what the alert calls the condition), {@code source}
 * (free text: the standard the values come from; kept for people, not used). Each type's own settings and defaults
 * are listed in its class comment; the shared ones are read once here ({@link RuleSettings#scope},
 * {@link RuleSettings#runs}). Durations are ISO-8601 ({@code PT30M}), {@code 0}, or a number with a unit:
 * {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}.
 *
 * <p>The deployment's own policies reach every type's configurator in a {@link LoadContext} (today its water rounding,
 * the default of the water class rules' {@code rounding}); without one, the shipped policies apply.
 */
public final class RuleLoader {
    /** Classpath resource of the shipped default rules and of the rule types ({@link RuleTypes}). */
    public static final String DEFAULTS = "/org/envmon/alerts/default-rules.properties";
    /** Settings of every rule type. */
    public static final Set<String> COMMON = Set.of("type", "enabled", "severity", "label", "source");

    private static final Pattern KEY = Pattern.compile("rule\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private RuleLoader() {
    }

    /** The shipped defaults only, under the shipped policies ({@link LoadContext#DEFAULT}). */
    public static List<AlertRule> defaults() {
        return defaults(LoadContext.DEFAULT);
    }

    /** The shipped defaults only, under the deployment's policies (its water rounding). */
    public static List<AlertRule> defaults(LoadContext context) {
        return load(context, readDefaults());
    }

    /** The shipped defaults with a deployment's file laid over them, under the shipped policies. */
    public static List<AlertRule> defaultsWith(Path file) {
        return defaultsWith(file, LoadContext.DEFAULT);
    }

    /** The shipped defaults with a deployment's file laid over them, under the deployment's policies. */
    public static List<AlertRule> defaultsWith(Path file, LoadContext context) {
        return load(context, readDefaults(), read(file));
    }

    public static Properties read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert rules " + file, e);
        }
    }

    /** The shipped default rules (without the type registrations). */
    public static Properties readDefaults() {
        Properties p = readResource();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(RuleTypes.PREFIX)).forEach(p::remove);
        return p;
    }

    static Properties readResource() {
        try (InputStream in = RuleLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " missing from the classpath");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays the layers over each other (later wins, key by key) and builds the enabled rules, ordered by id. A layer
     * with {@code defaults=false} discards the layers before it.
     *
     * @throws IllegalArgumentException naming the rule and setting at fault
     */
    public static List<AlertRule> load(Properties... layers) {
        return load(LoadContext.DEFAULT, layers);
    }

    /**
     * {@link #load(Properties...)} under the deployment's policies, given to every rule type: the GB 3838 class
     * rules (target-class, drinking-source) round each value by its water rounding, unless a rule sets
     * {@code rounding}.
     */
    public static List<AlertRule> load(LoadContext context, Properties... layers) {
        Objects.requireNonNull(context, "context");
        Map<String, Map<String, String>> byRule = new TreeMap<>();
        for (Properties layer : layers) {
            if ("false".equalsIgnoreCase(layer.getProperty("defaults", "true").trim())) {
                byRule.clear();
            }
            for (String key : layer.stringPropertyNames()) {
                if (key.equals("defaults")) {
                    continue;
                }
                Matcher m = KEY.matcher(key);
                if (!m.matches()) {
                    throw new IllegalArgumentException("alert rules: key '" + key
                            + "' is not rule.<id>.<setting> (ids: letters, digits, - and _)");
                }
                byRule.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), layer.getProperty(key).trim());
            }
        }
        List<AlertRule> rules = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : byRule.entrySet()) {
            AlertRule r = build(e.getKey(), e.getValue(), context);
            if (r != null) {
                rules.add(r);
            }
        }
        return rules;
    }

    /** The rule of one id's settings, or null when it is switched off. */
    private static AlertRule build(String id, Map<String, String> s, LoadContext context) {
        RuleSettings c = new RuleSettings(id, s);
        String name = c.required("type");
        RuleType<?> type = RuleTypes.find(name).orElseThrow(() -> c.invalid("unknown type '" + name
                + "'; expected one of " + RuleTypes.names()));
        for (String key : s.keySet()) {
            if (!COMMON.contains(key) && !type.settings().contains(key)) {
                throw c.invalid("unknown setting '" + key + "' for type " + name);
            }
        }
        if (!c.bool("enabled", true)) {
            return null;
        }
        Severity severity = type.defaultSeverity() == null ? null
                : c.get("severity", Severity::fromCode, type.defaultSeverity());
        try {
            return type.build(new RuleBasics(id, severity, s.get("label")), c, context);
        } catch (IllegalArgumentException e) {
            String prefix = "rule " + id + ": ";
            if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
                throw e;
            }
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
    }

    /** Parses a duration: ISO-8601 or a number with ms, s, m, h or d. */
    public static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use PT30M, 500ms, 30s, 15m, 2h, 1d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
