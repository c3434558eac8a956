package org.envmon.alerts.rules;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.envmon.model.Interval;
import org.envmon.model.Medium;

/**
 * One rule's settings as read from the rules file (values trimmed), with readers whose errors name the rule and the
 * setting ({@code rule nh3n: bad threshold 'one': ...}). A setting that is absent or empty takes the default.
 */
public final class RuleSettings {
    private final String id;
    private final Map<String, String> s;

    public RuleSettings(String id, Map<String, String> settings) {
        this.id = id;
        this.s = Map.copyOf(settings);
    }

    public String id() {
        return id;
    }

    /** Whether the setting is given (possibly empty). */
    public boolean has(String key) {
        return s.containsKey(key);
    }

    /** The raw value, or null. */
    public String raw(String key) {
        return s.get(key);
    }

    /** {@code rule <id>: <what>}. */
    public IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException("rule " + id + ": " + what);
    }

    /** {@code rule <id>: bad <key> '<value>': <why>}. */
    public IllegalArgumentException bad(String key, String value, String why) {
        return invalid("bad " + key + " '" + value + "': " + why);
    }

    public String required(String key) {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            throw invalid("'" + key + "' is required");
        }
        return v;
    }

    public <T> T get(String key, Function<String, T> parse, T otherwise) {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        try {
            return parse.apply(v);
        } catch (RuntimeException e) {
            IllegalArgumentException x = bad(key, v, String.valueOf(e.getMessage()));
            x.initCause(e);
            throw x;
        }
    }

    /** A number; required when {@code otherwise} is null. */
    public double number(String key, Double otherwise) {
        Double d = get(key, Double::valueOf, otherwise);
        if (d == null) {
            required(key);
        }
        return d;
    }

    public int integer(String key, int otherwise) {
        return get(key, Integer::valueOf, otherwise);
    }

    public boolean bool(String key, boolean otherwise) {
        return get(key, v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(v);
        }, otherwise);
    }

    /** A duration ({@link RuleLoader#parseDuration}); required when {@code otherwise} is null. */
    public Duration duration(String key, Duration otherwise) {
        Duration d = get(key, RuleLoader::parseDuration, otherwise);
        if (d == null) {
            required(key);
        }
        return d;
    }

    /** A comma list; empty when not set. */
    public Set<String> set(String key) {
        String v = s.get(key);
        return v == null ? Set.of() : Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A comma list that is required and must not be empty. */
    public Set<String> nonEmptySet(String key) {
        Set<String> v = set(key);
        if (v.isEmpty()) {
            required(key);
            throw invalid("'" + key + "' is empty");
        }
        return v;
    }

    /** A value, or null when the setting is {@code none}. */
    public <T> T unlessNone(String key, Function<String, T> parse, T otherwise) {
        return "none".equalsIgnoreCase(s.get(key)) ? null : get(key, parse, otherwise);
    }

    /** An HJ 212 code, empty when the setting (or, when not set, the default) is none/null. */
    public Optional<String> code(String key, String otherwise) {
        String v = s.containsKey(key) ? s.get(key) : otherwise;
        return v == null || v.isEmpty() || v.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(v);
    }

    /** {@code medium}: null for any. */
    public Medium medium() {
        return get("medium", Medium::fromCode, null);
    }

    /** {@code interval}: hour (default), minute, day, realtime, or any (null). */
    public Interval interval() {
        String v = s.getOrDefault("interval", "hour");
        return v.equalsIgnoreCase("any") ? null : get("interval", Interval::fromCode, Interval.HOUR);
    }

    /** {@code sites}, {@code medium}, {@code interval}. */
    public Scope scope() {
        return new Scope(set("sites"), medium(), interval());
    }

    /** {@code min-count} (1), {@code clear-count} (= min-count), {@code max-age} (P2D). */
    public Runs runs() {
        return runs(null);
    }

    /** As {@link #runs()}, with the default {@code clear-count}, or null for min-count. */
    public Runs runs(Integer clearCount) {
        int min = integer("min-count", 1);
        return new Runs(min, integer("clear-count", clearCount == null ? min : clearCount),
                duration("max-age", Duration.ofDays(2)));
    }
}
