package org.envmon.alerts.rules.water;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.alerts.rules.LoadContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.hj212.ParameterCatalogue;
import org.envmon.standards.water.Gb3838Table1;
import org.envmon.standards.water.SurfaceWaterClassification;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.model.Site;

/**
 * The GB 3838-2002 Table 1 items by HJ 212 code (the evaluation module's map, digest §9.4) and their classification of
 * single values, converted from the catalogue unit into the Table 1 unit (mg/L; pH dimensionless; fecal coliform
 * count/L), then classed through the standards' section entry point with the rule's {@link WaterRounding} (the
 * deployment's: by default the national publication's reporting precision), as the evaluation classes them.
 */
final class WaterItems {

    /** One Table 1 item of a rule: the code, its GB 3838 item, and the power of ten from the sent unit. */
    record Item(String code, WaterParameter parameter, int power) {

        /** The value in the Table 1 unit, exact. */
        BigDecimal convert(double sent) {
            return Units.scale(sent, power);
        }

        /** The class of the value as {@code rounding} reports it (checked unrounded, rounded once, then classed). */
        WaterClass classify(BigDecimal value, Waterbody waterbody, WaterRounding rounding) {
            return SurfaceWaterClassification.classifySection(Map.of(parameter, value), waterbody, rounding)
                    .classOf(parameter).orElseThrow();
        }

        /** The value as {@code rounding} reports it. */
        BigDecimal reported(BigDecimal value, WaterRounding rounding) {
            return rounding.round(parameter, value);
        }

        /** The limit of a class, or null for pH (a range, 6–9 for every class). */
        BigDecimal limit(Waterbody waterbody, WaterClass waterClass) {
            return parameter == WaterParameter.PH ? null : Gb3838Table1.limit(parameter, waterbody, waterClass);
        }

        /** Worse when higher (every item but DO; pH is worse on both sides and reported as higher). */
        boolean higherIsWorse() {
            return parameter.limit() != WaterParameter.Limit.AT_LEAST;
        }

        String unit() {
            return parameter.unit();
        }

        /** e.g. {@code NH3-N (w21003)}. */
        String display() {
            return name(code) + " (" + code + ")";
        }
    }

    private WaterItems() {
    }

    /** Codes of the Table 1 items that set the routine section class (21 items: no TN, no fecal coliform). */
    static Set<String> routineCodes() {
        return WaterEvaluator.CODES.entrySet().stream().filter(e -> e.getValue().isRoutine()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    static boolean isTable1(String code) {
        return WaterEvaluator.CODES.containsKey(code);
    }

    /**
     * The item of a Table 1 code with its unit conversion.
     *
     * @throws IllegalArgumentException when the code is no Table 1 item or its catalogue unit does not convert
     */
    static Item item(String code) {
        WaterParameter p = WaterEvaluator.parameterOf(code).orElseThrow(() -> new IllegalArgumentException(
                "parameter " + code + " is not a GB 3838-2002 Table 1 item (known: " + WaterEvaluator.CODES.keySet()
                        + ")"));
        return new Item(code, p, Units.powerFromCatalogue(code, p.unit()));
    }

    /** The site's water body, or {@code otherwise} when it has none. */
    static Waterbody waterbody(Site site, Waterbody otherwise) {
        return Waterbody.parse(site.waterbody()).orElse(otherwise);
    }

    /**
     * The value as sent and, when the rounding changed it, as classed: {@code 0.2004 mg/L (reported 0.200)}.
     */
    static String shown(BigDecimal value, BigDecimal reported, String unit) {
        String v = Units.fmt(value) + (unit.isEmpty() ? "" : " " + unit);
        return reported.compareTo(value) == 0 ? v : v + " (reported " + reported.toPlainString() + ")";
    }

    /** Parses a water-body setting: river, lake or reservoir. */
    static Waterbody parseWaterbody(String text) {
        return Waterbody.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "expected river, lake or reservoir"));
    }

    /** Parses a class I to V: Roman (I, II, III, IV, V, also Ⅲ) or 1 to 5. */
    static WaterClass parseClass(String text) {
        String t = text.strip();
        if (t.matches("[1-5]")) {
            return WaterClass.values()[Integer.parseInt(t) - 1];
        }
        return WaterClass.parse(t.toUpperCase(Locale.ROOT)).filter(c -> c != WaterClass.WORSE_THAN_V)
                .orElseThrow(() -> new IllegalArgumentException("expected a class I to V (or 1 to 5)"));
    }

    /** The English name of a code from the catalogue, else the code. */
    static String name(String code) {
        return ParameterCatalogue.standard().find(code).map(p -> p.nameEn()).orElse(code);
    }

    /** A setting of GB 3838 Table 1 codes; {@code otherwise} when not set, none when set empty. */
    /**
     * {@code rounding}: reported | none, the plain policy of that mode; when not set, the deployment's (which may also
     * carry its own reporting precision per item).
     */
    static WaterRounding rounding(RuleSettings s, LoadContext context) {
        return s.get("rounding", v -> WaterRounding.of(WaterRounding.Mode.parse(v)), context.waterRounding());
    }

    static Set<String> table1(RuleSettings s, String key, Set<String> otherwise) {
        if (!s.has(key)) {
            return otherwise;
        }
        Set<String> v = s.set(key);
        for (String code : v) {
            if (!isTable1(code)) {
                throw s.bad(key, code, "not a GB 3838-2002 Table 1 item");
            }
        }
        return v;
    }

    /**
     * A setting of {@code code:limit, code:limit} limits in mg/L, in order ({@code otherwise} when not set, none when
     * set empty); every code must be in the HJ 212 catalogue (its unit converts the values).
     */
    static Map<String, BigDecimal> limits(RuleSettings s, String key, String otherwise) {
        String v = s.has(key) ? s.raw(key) : otherwise;
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
                throw s.bad(key, p, "expected code:limit (mg/L)");
            }
            String code = kv[0].trim();
            if (limit.signum() <= 0) {
                throw s.bad(key, p, "the limit must be > 0");
            }
            if (Units.unitOf(code).isEmpty()) {
                throw s.bad(key, p, code + " is not in the HJ 212 parameter catalogue (its unit is unknown)");
            }
            if (out.put(code, limit) != null) {
                throw s.invalid("bad " + key + ": " + code + " twice");
            }
        }
        return out;
    }
}
