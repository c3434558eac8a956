package org.envmon.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.envmon.quality.qc.QcCode;
import org.envmon.standards.water.TrophicState;
import org.envmon.standards.water.TrophicStateIndex;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Statistic;

/**
 * Rules as configuration: {@code java.util.Properties} files (read as UTF-8), one key per rule setting,
 * {@code rule.<id>.<setting>=<value>}. The shipped defaults ({@value #DEFAULTS}) come first; a deployment's file is
 * laid over them key by key, so it can change one setting of a default rule ({@code rule.nh3n-iii.threshold=1.5}),
 * switch one off ({@code rule.offline.enabled=false}), add rules, or drop all defaults with {@code defaults=false}.
 * Unknown settings and bad values fail the load with the rule id and key named, so a typo never passes silently.
 *
 * <p>Settings by {@code type}:
 * <ul>
 * <li>every rule: {@code type} (threshold, offline, city-aqi, target-class, drinking-source, heavy-metal,
 * algal-bloom, heavy-pollution, capture, qc-suspect), {@code enabled} (true), {@code severity} (info, warning, major,
 * critical; default warning, critical for drinking-source; not for heavy-pollution), {@code label} (what the alert
 * calls the condition), {@code source} (free text: the standard the values come from; kept for people, not used)</li>
 * <li>threshold: {@code parameter} (HJ 212 code, required), {@code threshold} (required), {@code direction}
 * (above | below, default above), {@code hysteresis} (0), {@code min-count} (1), {@code min-duration} (0),
 * {@code clear-count} (= min-count), {@code clear-duration} (= min-duration), {@code max-age} (P2D),
 * {@code medium}, {@code sites} (comma list), {@code interval} (hour | minute | day | realtime | any; default hour),
 * {@code statistic} (value), {@code unit}</li>
 * <li>offline: {@code after} (required), {@code medium}, {@code sites}, {@code sources} (hj212)</li>
 * <li>city-aqi: {@code min-level} (4), {@code min-hours} (1), {@code clear-level} (min-level − 1),
 * {@code clear-hours} (1), {@code cities}</li>
 * <li>target-class ({@link TargetClassRule}): {@code default-target} (class of sites without one: I–V or 1–5;
 * III), {@code waterbody} (of sites without one: river | lake | reservoir; river), {@code parameters} (GB 3838 Table 1
 * codes; default the 21 routine items), {@code sites}, {@code interval} (hour), {@code min-count} (1),
 * {@code clear-count} (= min-count), {@code max-age} (P2D), {@code rounding} (reported | none: the plain policy;
 * default the deployment's {@link WaterRounding}, given to {@link #load(WaterRounding, Properties...)})</li>
 * <li>drinking-source ({@link DrinkingSourceRule}): {@code supplementary} (GB 3838 Table 2 limits in mg/L as
 * {@code code:limit} list; default sulfate w21038:250, chloride w21022:250, nitrate-N w21007:10, Fe w20125:0.3,
 * Mn w20124:0.1), {@code specific} (Table 3 items, same form; default Tl w20089:0.0001, Sb w20004:0.005),
 * {@code basic} (Table 1 basic-item codes checked by class; default the 21 routine items; empty for none),
 * {@code max-class} (III), {@code waterbody} (river), {@code sites}, {@code interval} (hour), {@code min-count} (1),
 * {@code clear-count} (= min-count), {@code max-age} (P2D), {@code rounding} (as target-class)</li>
 * <li>heavy-metal ({@link HeavyMetalRule}): {@code limits} ({@code code:limit} list in mg/L; default Tl
 * w20089:0.0001, Sb w20004:0.005, Mn w20124:0.1), {@code medium}, {@code sites}, {@code interval} (hour),
 * {@code min-count} (1), {@code clear-count} (= min-count), {@code max-age} (P2D)</li>
 * <li>algal-bloom ({@link AlgalBloomRule}): {@code chla-threshold} (µg/L; 25; none to switch off), {@code tli-state}
 * (light | moderate | heavy, or 轻度/中度/重度富营养; moderate; none to switch off), {@code tli-min-parameters} (3),
 * {@code chla-parameter} (w01016), {@code tp-parameter} (w21011), {@code tn-parameter} (w21001),
 * {@code sd-parameter} (none), {@code codmn-parameter} (w01019) (a parameter set to none is left out),
 * {@code sites}, {@code interval} (hour), {@code min-count} (1), {@code clear-count} (= min-count),
 * {@code max-age} (P2D)</li>
 * <li>heavy-pollution ({@link HeavyPollutionRule}): {@code threshold} (200), {@code severe} (300),
 * {@code yellow-days} (2), {@code orange-days} (3), {@code orange-severe-days} (1), {@code red-days} (4),
 * {@code red-severe-days} (2), {@code red-aqi} (500), {@code provisional} (true: count today's running value),
 * {@code max-age} (P7D), {@code cities}, {@code yellow-severity} (warning), {@code orange-severity} (major),
 * {@code red-severity} (critical)</li>
 * <li>capture ({@link CaptureRule}): {@code parameters} (required), {@code window} (P1D), {@code every} (PT1H),
 * {@code target} (0.75), {@code medium}, {@code sites}, {@code interval} (hour)</li>
 * <li>qc-suspect ({@link QcSuspectRule}): {@code parameters} (default every catalogue code), {@code codes} (QC codes
 * that count; default any), {@code ignore-codes} (none), {@code medium}, {@code sites}, {@code interval} (hour),
 * {@code min-count} (1), {@code clear-count} (1), {@code max-age} (P2D)</li>
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
    private static final Map<String, Set<String>> SETTINGS = Map.ofEntries(
            Map.entry("threshold", Set.of("parameter", "threshold", "direction", "hysteresis", "min-count",
                    "min-duration", "clear-count", "clear-duration", "max-age", "medium", "sites", "interval",
                    "statistic", "unit")),
            Map.entry("offline", Set.of("after", "medium", "sites", "sources")),
            Map.entry("city-aqi", Set.of("min-level", "min-hours", "clear-level", "clear-hours", "cities")),
            Map.entry("target-class", Set.of("default-target", "waterbody", "parameters", "sites", "interval",
                    "min-count", "clear-count", "max-age", "rounding")),
            Map.entry("drinking-source", Set.of("supplementary", "specific", "basic", "max-class", "waterbody",
                    "sites", "interval", "min-count", "clear-count", "max-age", "rounding")),
            Map.entry("heavy-metal", Set.of("limits", "medium", "sites", "interval", "min-count", "clear-count",
                    "max-age")),
            Map.entry("algal-bloom", Set.of("chla-threshold", "tli-state", "tli-min-parameters", "chla-parameter",
                    "tp-parameter", "tn-parameter", "sd-parameter", "codmn-parameter", "sites", "interval",
                    "min-count", "clear-count", "max-age")),
            Map.entry("heavy-pollution", Set.of("threshold", "severe", "yellow-days", "orange-days",
                    "orange-severe-days", "red-days", "red-severe-days", "red-aqi", "provisional", "max-age", "cities",
                    "yellow-severity", "orange-severity", "red-severity")),
            Map.entry("capture", Set.of("parameters", "window", "every", "target", "medium", "sites", "interval")),
            Map.entry("qc-suspect", Set.of("parameters", "codes", "ignore-codes", "medium", "sites", "interval",
                    "min-count", "clear-count", "max-age")));

    /** GB 3838-2002 Table 2, supplementary items for centralised drinking-water sources, mg/L (digest §5.1 [mem]). */
    static final String TABLE2 = "w21038:250, w21022:250, w21007:10, w20125:0.3, w20124:0.1";
    /** GB 3838-2002 Table 3 items shipped by default (Tl, Sb), mg/L [mem: not in the digest]. */
    static final String TABLE3 = "w20089:0.0001, w20004:0.005";
    /** Heavy metals watched by default: Tl, Sb (Table 3), Mn (Table 2), mg/L. */
    static final String METALS = "w20089:0.0001, w20004:0.005, w20124:0.1";

    private RuleLoader() {
    }

    /** The shipped defaults only, water values rounded as the national publication rounds them. */
    public static List<AlertRule> defaults() {
        return defaults(WaterRounding.REPORTED);
    }

    /** The shipped defaults only, water values rounded by the deployment's policy. */
    public static List<AlertRule> defaults(WaterRounding rounding) {
        return load(rounding, readDefaults());
    }

    /** The shipped defaults with a deployment's file laid over them. */
    public static List<AlertRule> defaultsWith(Path file) {
        return defaultsWith(file, WaterRounding.REPORTED);
    }

    /** The shipped defaults with a deployment's file laid over them, water values rounded by its policy. */
    public static List<AlertRule> defaultsWith(Path file, WaterRounding rounding) {
        return load(rounding, readDefaults(), read(file));
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
        return load(WaterRounding.REPORTED, layers);
    }

    /**
     * {@link #load(Properties...)} with the deployment's water rounding: the GB 3838 class rules (target-class,
     * drinking-source) round each value by it before classing, unless a rule sets {@code rounding}.
     */
    public static List<AlertRule> load(WaterRounding rounding, Properties... layers) {
        Objects.requireNonNull(rounding, "rounding");
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
            AlertRule r = build(e.getKey(), e.getValue(), rounding);
            if (r != null) {
                rules.add(r);
            }
        }
        return rules;
    }

    private static AlertRule build(String id, Map<String, String> s, WaterRounding deployment) {
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
        if (type.equals("heavy-pollution") && s.containsKey("severity")) {
            throw new IllegalArgumentException("rule " + id + ": type heavy-pollution takes yellow-severity, "
                    + "orange-severity and red-severity instead of 'severity'");
        }
        Severity severity = c.get("severity", Severity::fromCode,
                type.equals("drinking-source") ? Severity.CRITICAL : Severity.WARNING);
        String label = s.get("label");
        int minCount = c.integer("min-count", 1);
        return switch (type) {
            case "threshold" -> {
                Duration minDuration = c.duration("min-duration", Duration.ZERO);
                yield new ThresholdRule(new ThresholdRule.Spec(id, c.required("parameter"),
                        c.get("medium", Medium::fromCode, null), c.set("sites"), c.interval(),
                        c.get("statistic", v -> Statistic.valueOf(v.toUpperCase(Locale.ROOT)), Statistic.VALUE),
                        c.get("direction", ThresholdRule.Direction::fromCode, ThresholdRule.Direction.ABOVE),
                        c.number("threshold", null), c.number("hysteresis", 0.0), minCount, minDuration,
                        c.integer("clear-count", minCount), c.duration("clear-duration", minDuration),
                        c.duration("max-age", Duration.ofDays(2)), severity, s.get("unit"), label));
            }
            case "offline" -> new OfflineRule(new OfflineRule.Spec(id, c.duration("after", null),
                    c.get("medium", Medium::fromCode, null), c.set("sites"),
                    s.containsKey("sources") ? c.set("sources") : Set.of("hj212"), severity, label));
            case "city-aqi" -> {
                int minLevel = c.integer("min-level", 4);
                yield new CityAqiRule(new CityAqiRule.Spec(id, minLevel, c.integer("min-hours", 1),
                        c.integer("clear-level", minLevel - 1), c.integer("clear-hours", 1), c.set("cities"),
                        severity, label));
            }
            case "target-class" -> new TargetClassRule(new TargetClassRule.Spec(id,
                    c.get("default-target", WaterItems::parseClass, WaterClass.III),
                    c.get("waterbody", WaterItems::parseWaterbody, Waterbody.RIVER),
                    c.table1("parameters", WaterItems.routineCodes()), c.set("sites"), c.interval(), minCount,
                    c.integer("clear-count", minCount), c.duration("max-age", Duration.ofDays(2)), severity, label,
                    c.get("rounding", v -> WaterRounding.of(WaterRounding.Mode.parse(v)), deployment)));
            case "drinking-source" -> {
                Map<String, BigDecimal> limits = new LinkedHashMap<>(c.limits("supplementary", TABLE2));
                c.limits("specific", TABLE3).forEach((code, limit) -> {
                    if (limits.put(code, limit) != null) {
                        throw new IllegalArgumentException("rule " + id + ": " + code
                                + " is in both supplementary and specific");
                    }
                });
                yield new DrinkingSourceRule(new DrinkingSourceRule.Spec(id, limits,
                        c.table1("basic", WaterItems.routineCodes()),
                        c.get("max-class", WaterItems::parseClass, WaterClass.III),
                        c.get("waterbody", WaterItems::parseWaterbody, Waterbody.RIVER), c.set("sites"),
                        c.interval(), minCount, c.integer("clear-count", minCount),
                        c.duration("max-age", Duration.ofDays(2)), severity, label,
                        c.get("rounding", v -> WaterRounding.of(WaterRounding.Mode.parse(v)), deployment)));
            }
            case "heavy-metal" -> new HeavyMetalRule(new HeavyMetalRule.Spec(id, c.limits("limits", METALS),
                    c.get("medium", Medium::fromCode, null), c.set("sites"), c.interval(), minCount,
                    c.integer("clear-count", minCount), c.duration("max-age", Duration.ofDays(2)), severity, label));
            case "algal-bloom" -> {
                Map<TrophicStateIndex.Parameter, String> codes = new EnumMap<>(TrophicStateIndex.Parameter.class);
                c.code("chla-parameter", "w01016").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.CHLA, v));
                c.code("tp-parameter", "w21011").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.TP, v));
                c.code("tn-parameter", "w21001").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.TN, v));
                c.code("sd-parameter", null).ifPresent(v -> codes.put(TrophicStateIndex.Parameter.SD, v));
                c.code("codmn-parameter", "w01019").ifPresent(v -> codes.put(TrophicStateIndex.Parameter.CODMN, v));
                yield new AlgalBloomRule(new AlgalBloomRule.Spec(id,
                        c.unlessNone("chla-threshold", Double::valueOf, 25.0),
                        c.unlessNone("tli-state", AlgalBloomRule::parseState, TrophicState.MODERATE_EUTROPHIC),
                        codes, c.integer("tli-min-parameters", 3), c.set("sites"), c.interval(), minCount,
                        c.integer("clear-count", minCount), c.duration("max-age", Duration.ofDays(2)), severity,
                        label));
            }
            case "heavy-pollution" -> new HeavyPollutionRule(new HeavyPollutionRule.Spec(id,
                    c.integer("threshold", 200), c.integer("severe", 300), c.integer("yellow-days", 2),
                    c.integer("orange-days", 3), c.integer("orange-severe-days", 1), c.integer("red-days", 4),
                    c.integer("red-severe-days", 2), c.integer("red-aqi", 500), c.bool("provisional", true),
                    c.duration("max-age", Duration.ofDays(7)), c.set("cities"),
                    c.get("yellow-severity", Severity::fromCode, Severity.WARNING),
                    c.get("orange-severity", Severity::fromCode, Severity.MAJOR),
                    c.get("red-severity", Severity::fromCode, Severity.CRITICAL), label));
            case "capture" -> new CaptureRule(new CaptureRule.Spec(id, c.nonEmptySet("parameters"),
                    c.duration("window", Duration.ofDays(1)), c.duration("every", Duration.ofHours(1)),
                    c.number("target", 0.75), c.get("medium", Medium::fromCode, null), c.set("sites"),
                    c.interval(), severity, label));
            default -> new QcSuspectRule(new QcSuspectRule.Spec(id,
                    s.containsKey("parameters") ? c.nonEmptySet("parameters") : QcSuspectRule.catalogueCodes(),
                    c.qcCodes("codes"), c.qcCodes("ignore-codes"), c.get("medium", Medium::fromCode, null),
                    c.set("sites"), c.interval(), minCount, c.integer("clear-count", 1),
                    c.duration("max-age", Duration.ofDays(2)), severity, label));
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

        /** A list that must not be empty when given; required. */
        Set<String> nonEmptySet(String key) {
            Set<String> v = set(key);
            if (v.isEmpty()) {
                required(key);
                throw new IllegalArgumentException("rule " + id + ": '" + key + "' is empty");
            }
            return v;
        }

        /** {@code interval}: hour (default), minute, day, realtime, or any (null). */
        Interval interval() {
            String v = s.getOrDefault("interval", "hour");
            return v.equalsIgnoreCase("any") ? null : get("interval", Interval::fromCode, Interval.HOUR);
        }

        /** A value, or null when the setting is {@code none}. */
        <T> T unlessNone(String key, java.util.function.Function<String, T> parse, T otherwise) {
            return "none".equalsIgnoreCase(s.get(key)) ? null : get(key, parse, otherwise);
        }

        /** An HJ 212 code, empty when the setting (or, when not set, the default) is none/null. */
        Optional<String> code(String key, String otherwise) {
            String v = s.containsKey(key) ? s.get(key) : otherwise;
            return v == null || v.isEmpty() || v.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(v);
        }

        /** GB 3838 Table 1 codes; {@code otherwise} when not set, none when set empty. */
        Set<String> table1(String key, Set<String> otherwise) {
            if (!s.containsKey(key)) {
                return otherwise;
            }
            Set<String> v = set(key);
            for (String code : v) {
                if (!WaterItems.isTable1(code)) {
                    throw new IllegalArgumentException("rule " + id + ": bad " + key + " '" + code
                            + "': not a GB 3838-2002 Table 1 item");
                }
            }
            return v;
        }

        /**
         * A {@code code:limit, code:limit} list of limits in mg/L, in order ({@code otherwise} when not set, none when
         * set empty); every code must be in the HJ 212 catalogue (its unit converts the values).
         */
        Map<String, BigDecimal> limits(String key, String otherwise) {
            String v = s.containsKey(key) ? s.get(key) : otherwise;
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            for (String part : v.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String[] kv = p.split(":", 2);
                BigDecimal limit;
                try {
                    limit = new BigDecimal(kv.length == 2 ? kv[1].trim() : "");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("rule " + id + ": bad " + key + " '" + p
                            + "': expected code:limit (mg/L)", e);
                }
                String code = kv[0].trim();
                if (limit.signum() <= 0) {
                    throw new IllegalArgumentException("rule " + id + ": bad " + key + " '" + p
                            + "': the limit must be > 0");
                }
                if (Units.unitOf(code).isEmpty()) {
                    throw new IllegalArgumentException("rule " + id + ": bad " + key + " '" + p + "': " + code
                            + " is not in the HJ 212 parameter catalogue (its unit is unknown)");
                }
                if (out.put(code, limit) != null) {
                    throw new IllegalArgumentException("rule " + id + ": bad " + key + ": " + code + " twice");
                }
            }
            return out;
        }

        /** QC code names (envmon-quality {@link QcCode}); empty when not set. */
        Set<QcCode> qcCodes(String key) {
            Set<QcCode> out = EnumSet.noneOf(QcCode.class);
            for (String name : set(key)) {
                try {
                    out.add(QcCode.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rule " + id + ": bad " + key + " '" + name
                            + "': not a QC code (" + Arrays.toString(QcCode.values()) + ")", e);
                }
            }
            return out;
        }
    }
}
