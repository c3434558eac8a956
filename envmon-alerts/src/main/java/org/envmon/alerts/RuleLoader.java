package org.envmon.alerts;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.envmon.store.Interval;
import org.envmon.store.Medium;
import org.envmon.store.Statistic;

/**
 * Rules as configuration: {@code java.util.Properties} files (read as UTF-8), one key per rule setting,
 * {@code rule.<id>.<setting>=<value>}. The shipped defaults ({@value #DEFAULTS}) come first; a deployment's file is
 * laid over them key by key, so it can change one setting of a default rule ({@code rule.nh3n-iii.threshold=1.5}),
 * switch one off ({@code rule.offline.enabled=false}), add rules, or drop all defaults with {@code defaults=false}.
 * Unknown settings and bad values fail the load with the rule id and key named, so a typo never passes silently.
 *
 * <p>Settings by {@code type}:
 * <ul>
 * <li>every rule: {@code type} (threshold, offline, city-aqi), {@code enabled} (true), {@code severity}
 * (info, warning, major, critical; default warning), {@code label} (what the alert calls the condition),
 * {@code source} (free text: the standard the values come from; kept for people, not used)</li>
 * <li>threshold: {@code parameter} (HJ 212 code, required), {@code threshold} (required), {@code direction}
 * (above | below, default above), {@code hysteresis} (0), {@code min-count} (1), {@code min-duration} (0),
 * {@code clear-count} (= min-count), {@code clear-duration} (= min-duration), {@code max-age} (P2D),
 * {@code medium}, {@code sites} (comma list), {@code interval} (hour | minute | day | realtime | any; default hour),
 * {@code statistic} (value), {@code unit}</li>
 * <li>offline: {@code after} (required), {@code medium}, {@code sites}, {@code sources} (hj212)</li>
 * <li>city-aqi: {@code min-level} (4), {@code min-hours} (1), {@code clear-level} (min-level − 1),
 * {@code clear-hours} (1), {@code cities}</li>
 * </ul>
 * Durations are ISO-8601 ({@code PT30M}), {@code 0}, or a number with a unit: {@code 500ms}, {@code 30s}, {@code 15m},
 * {@code 2h}, {@code 1d}.
 */
public final class RuleLoader {
    /** Classpath resource of the shipped default rules. */
    public static final String DEFAULTS = "/org/envmon/alerts/default-rules.properties";

    private static final Pattern KEY = Pattern.compile("rule\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Set<String> COMMON = Set.of("type", "enabled", "severity", "label", "source");
    private static final Map<String, Set<String>> SETTINGS = Map.of(
            "threshold", Set.of("parameter", "threshold", "direction", "hysteresis", "min-count", "min-duration",
                    "clear-count", "clear-duration", "max-age", "medium", "sites", "interval", "statistic", "unit"),
            "offline", Set.of("after", "medium", "sites", "sources"),
            "city-aqi", Set.of("min-level", "min-hours", "clear-level", "clear-hours", "cities"));

    private RuleLoader() {
    }

    /** The shipped defaults only. */
    public static List<AlertRule> defaults() {
        return load(readDefaults());
    }

    /** The shipped defaults with a deployment's file laid over them. */
    public static List<AlertRule> defaultsWith(Path file) {
        return load(readDefaults(), read(file));
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

    public static Properties readDefaults() {
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
            AlertRule r = build(e.getKey(), e.getValue());
            if (r != null) {
                rules.add(r);
            }
        }
        return rules;
    }

    private static AlertRule build(String id, Map<String, String> s) {
        Settings c = new Settings(id, s);
        String type = c.required("type");
        Set<String> allowed = SETTINGS.get(type);
        if (allowed == null) {
            throw new IllegalArgumentException("rule " + id + ": unknown type '" + type
                    + "'; expected one of " + new TreeMap<>(SETTINGS).keySet());
        }
        for (String key : s.keySet()) {
            if (!COMMON.contains(key) && !allowed.contains(key)) {
                throw new IllegalArgumentException("rule " + id + ": unknown setting '" + key + "' for type " + type);
            }
        }
        if (!c.bool("enabled", true)) {
            return null;
        }
        Severity severity = c.get("severity", Severity::fromCode, Severity.WARNING);
        String label = s.get("label");
        return switch (type) {
            case "threshold" -> {
                int minCount = c.integer("min-count", 1);
                Duration minDuration = c.duration("min-duration", Duration.ZERO);
                String interval = s.getOrDefault("interval", "hour");
                yield new ThresholdRule(new ThresholdRule.Spec(id, c.required("parameter"),
                        c.get("medium", Medium::fromCode, null), c.set("sites"),
                        interval.equalsIgnoreCase("any") ? null : c.get("interval", Interval::fromCode, Interval.HOUR),
                        c.get("statistic", v -> Statistic.valueOf(v.toUpperCase(Locale.ROOT)), Statistic.VALUE),
                        c.get("direction", ThresholdRule.Direction::fromCode, ThresholdRule.Direction.ABOVE),
                        c.number("threshold", null), c.number("hysteresis", 0.0), minCount, minDuration,
                        c.integer("clear-count", minCount), c.duration("clear-duration", minDuration),
                        c.duration("max-age", Duration.ofDays(2)), severity, s.get("unit"), label));
            }
            case "offline" -> new OfflineRule(new OfflineRule.Spec(id, c.duration("after", null),
                    c.get("medium", Medium::fromCode, null), c.set("sites"),
                    s.containsKey("sources") ? c.set("sources") : Set.of("hj212"), severity, label));
            default -> {
                int minLevel = c.integer("min-level", 4);
                yield new CityAqiRule(new CityAqiRule.Spec(id, minLevel, c.integer("min-hours", 1),
                        c.integer("clear-level", minLevel - 1), c.integer("clear-hours", 1), c.set("cities"),
                        severity, label));
            }
        };
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

    /** One rule's settings, with errors that name the rule and key. */
    private record Settings(String id, Map<String, String> s) {
        String required(String key) {
            String v = s.get(key);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + ": '" + key + "' is required");
            }
            return v;
        }

        <T> T get(String key, java.util.function.Function<String, T> parse, T otherwise) {
            String v = s.get(key);
            if (v == null || v.isEmpty()) {
                return otherwise;
            }
            try {
                return parse.apply(v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("rule " + id + ": bad " + key + " '" + v + "': " + e.getMessage(),
                        e);
            }
        }

        double number(String key, Double otherwise) {
            Double d = get(key, Double::valueOf, otherwise);
            if (d == null) {
                required(key);
            }
            return d;
        }

        int integer(String key, int otherwise) {
            return get(key, Integer::valueOf, otherwise);
        }

        boolean bool(String key, boolean otherwise) {
            return get(key, v -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return Boolean.parseBoolean(v);
            }, otherwise);
        }

        Duration duration(String key, Duration otherwise) {
            Duration d = get(key, RuleLoader::parseDuration, otherwise);
            if (d == null) {
                required(key);
            }
            return d;
        }

        Set<String> set(String key) {
            String v = s.get(key);
            return v == null ? Set.of() : Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
