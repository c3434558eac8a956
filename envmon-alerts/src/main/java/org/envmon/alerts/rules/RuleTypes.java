package org.envmon.alerts.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of rule types: {@code type.<name>=<class>} lines of the shipped defaults ({@link RuleLoader#DEFAULTS}),
 * each class declaring {@code public static final RuleType<?> TYPE}. So a new rule type is its class and its lines in
 * the defaults file (its registration and its default rules). Deployment files cannot add types.
 */
public final class RuleTypes {
    /** Key prefix of a type registration in the shipped defaults. */
    static final String PREFIX = "type.";

    private static volatile Map<String, RuleType<?>> builtIn;

    private RuleTypes() {
    }

    /** The type of that name, if registered. */
    public static Optional<RuleType<?>> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** The registered type names, sorted. */
    public static Set<String> names() {
        return all().keySet();
    }

    private static Map<String, RuleType<?>> all() {
        Map<String, RuleType<?>> m = builtIn;
        if (m == null) {
            m = register(RuleLoader.readResource());
            builtIn = m;
        }
        return m;
    }

    /** The types registered by {@code type.<name>=<class>} keys. */
    static Map<String, RuleType<?>> register(Properties p) {
        Map<String, RuleType<?>> out = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                String name = key.substring(PREFIX.length());
                RuleType<?> t = declared(p.getProperty(key).trim());
                if (!t.name().equals(name)) {
                    throw new IllegalStateException(key + ": the class declares type '" + t.name() + "'");
                }
                out.put(name, t);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The {@code TYPE} field of a rule class. */
    private static RuleType<?> declared(String className) {
        try {
            Class<?> c = Class.forName(className, true, RuleTypes.class.getClassLoader());
            Field f = c.getField("TYPE");
            if (!AlertRule.class.isAssignableFrom(c) || !Modifier.isStatic(f.getModifiers())
                    || !(f.get(null) instanceof RuleType<?> t)) {
                throw new IllegalStateException(className + " is no rule class with a static RuleType TYPE");
            }
            return t;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("rule type class " + className + ": " + e, e);
        }
    }
}
