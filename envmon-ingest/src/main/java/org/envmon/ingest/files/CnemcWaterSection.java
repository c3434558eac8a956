package org.envmon.ingest.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.envmon.model.Medium;
import org.envmon.model.Site;

/**
 * A surface-water section of the CNEMC automatic-station publication, as the site registry keeps it: the
 * publication names a section by province and section name only (the official section codes, 断面编码, are not
 * public), so EnvMon gives it a synthetic, stable code.
 *
 * <p>Code: {@code W}, the province's GB/T 2260 code (two digits; {@code 00} for a name not in the table), then the
 * first 8 hex digits (upper case) of the SHA-256 of {@code province + "/" + section name} (UTF-8): e.g.
 * {@code W11} + 8 hex for a Beijing section. The same section gets the same code in every file and every store.
 *
 * <p>Water-body type from the publication's own water-body field ({@code 所属河流}, the river or lake the section
 * lies on; not the section name): {@code reservoir} when it contains 水库; {@code lake} when it ends in 湖, 淀, 池, 海,
 * 海子 or 泊 (滇池, 白洋淀, 洱海; 荡 is published with river limits, 海河 ends in 河); else {@code river}; null when the
 * record has none (the 2026 page layout), leaving the evaluation's fallback on the section name.
 *
 * <p>City: {@code 所在地市} as published ("石家庄市"); for the four municipalities, whose sections the publication
 * places by district, the municipality is the city and the district the county.
 */
public record CnemcWaterSection(String province, String name, String basin, String city, String county,
        String waterbody, Double latitude, Double longitude) {

    private static final Pattern LAKE = Pattern.compile("(湖|淀|池|海|海子|泊)$");
    private static final java.util.Set<String> MUNICIPALITIES = java.util.Set.of("北京市", "天津市", "上海市", "重庆市");
    /** GB/T 2260 province codes. */
    static final Map<String, String> PROVINCE_CODES = Map.ofEntries(
            Map.entry("北京市", "11"), Map.entry("天津市", "12"), Map.entry("河北省", "13"), Map.entry("山西省", "14"),
            Map.entry("内蒙古自治区", "15"), Map.entry("辽宁省", "21"), Map.entry("吉林省", "22"),
            Map.entry("黑龙江省", "23"), Map.entry("上海市", "31"), Map.entry("江苏省", "32"), Map.entry("浙江省", "33"),
            Map.entry("安徽省", "34"), Map.entry("福建省", "35"), Map.entry("江西省", "36"), Map.entry("山东省", "37"),
            Map.entry("河南省", "41"), Map.entry("湖北省", "42"), Map.entry("湖南省", "43"), Map.entry("广东省", "44"),
            Map.entry("广西壮族自治区", "45"), Map.entry("海南省", "46"), Map.entry("重庆市", "50"),
            Map.entry("四川省", "51"), Map.entry("贵州省", "52"), Map.entry("云南省", "53"), Map.entry("西藏自治区", "54"),
            Map.entry("陕西省", "61"), Map.entry("甘肃省", "62"), Map.entry("青海省", "63"),
            Map.entry("宁夏回族自治区", "64"), Map.entry("新疆维吾尔自治区", "65"), Map.entry("台湾省", "71"),
            Map.entry("香港特别行政区", "81"), Map.entry("澳门特别行政区", "82"));

    /** The section's synthetic code (see the class comment). */
    public static String code(String province, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((province + "/" + name).getBytes(StandardCharsets.UTF_8));
            return "W" + PROVINCE_CODES.getOrDefault(province, "00")
                    + HexFormat.of().withUpperCase().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The water-body type named by a {@code 所属河流} cell, or null for an empty one. */
    public static String waterbodyOf(String river) {
        if (river == null || river.isBlank()) {
            return null;
        }
        String r = river.strip();
        return r.contains("水库") ? "reservoir" : LAKE.matcher(r).find() ? "lake" : "river";
    }

    /** A section of one record; empty cells are null. */
    static CnemcWaterSection of(String province, String name, String basin, String cityCell, String river,
            Double latitude, Double longitude) {
        String city = blankToNull(cityCell);
        String county = null;
        if (MUNICIPALITIES.contains(province)) {
            county = city == null || city.equals(province) ? null : city;
            city = province;
        }
        return new CnemcWaterSection(province, name, blankToNull(basin), city, county, waterbodyOf(river), latitude,
                longitude);
    }

    /** This section with the attributes it lacks taken from another record of it. */
    CnemcWaterSection merge(CnemcWaterSection o) {
        return new CnemcWaterSection(province, name, basin != null ? basin : o.basin, city != null ? city : o.city,
                county != null ? county : o.county, waterbody != null ? waterbody : o.waterbody,
                latitude != null ? latitude : o.latitude, longitude != null ? longitude : o.longitude);
    }

    public String code() {
        return code(province, name);
    }

    /** The registry's site: a surface-water section without MN (it sends no HJ 212), no target class known. */
    public Site site() {
        return new Site(code(), name, Medium.SURFACE_WATER, null, null, province, city, county, basin, latitude,
                longitude, false, waterbody, null, false);
    }

    /** An already registered site with the attributes it lacks filled from this section (its own ones kept). */
    public Site fill(Site s) {
        boolean located = s.latitude() != null && s.longitude() != null;
        return new Site(s.code(), s.name(), s.medium(), s.mn(), s.passwordHash(), s.province(),
                s.city() != null ? s.city() : city, s.county() != null ? s.county() : county,
                s.basin() != null ? s.basin() : basin, located ? s.latitude() : latitude,
                located ? s.longitude() : longitude, s.control(),
                s.waterbody() != null ? s.waterbody() : waterbody, s.targetClass(), s.drinkingWaterSource());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
