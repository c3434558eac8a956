package org.envmon.standards.air;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The two editions of the ambient-air standards that are in force side by side (standards digest §0).
 * An edition bundles the AQI rules (HJ 633), the evaluation rules (HJ 663) and the limits (GB 3095); for GB 3095-2026
 * the transition/final stage is chosen separately by {@link Gb3095Stage}.
 *
 * <p>Selection by the date of the data (never by today's date). Decisions where the standards are silent
 * (digest §0 "Rules at the boundary" [unconfirmed]; settled as a project decision):
 * <ul>
 *   <li>An <b>hourly</b> value belongs to the edition in force at the <em>start</em> of its averaging interval.
 *       Platforms label an hour by its end, so the hour labelled 2026-03-01 00:00 covers 2026-02-28 23:00–24:00
 *       and is 2012: {@link #forHour(LocalDateTime)}.</li>
 *   <li>A <b>daily</b> value belongs to the edition in force on that natural day: {@link #forDay(LocalDate)}.</li>
 *   <li>A <b>multi-day</b> statistic (month, season, year, ranking period, 3-year window) uses the edition in force
 *       on the period's last day unless the caller names one: {@link #forPeriodEnding(LocalDate)}.</li>
 * </ul>
 */
public enum AirEdition implements org.envmon.standards.Edition {
    /** HJ 633-2012, HJ 663-2013, GB 3095-2012 with its 2018 amendment: data before 2026-03-01. */
    E2012("HJ 633-2012 / HJ 663-2013 / GB 3095-2012"),
    /** HJ 633-2026, HJ 663-2026, GB 3095-2026: data from 2026-03-01. */
    E2026("HJ 633-2026 / HJ 663-2026 / GB 3095-2026");

    /** First day of the 2026 editions (GB 3095-2026, HJ 633-2026 cover; digest §0 [confirmed]). */
    public static final LocalDate SWITCH_DAY = LocalDate.of(2026, 3, 1);

    private final String code = name().substring(1);
    private final String standards;

    AirEdition(String standards) {
        this.standards = standards;
    }

    /** The edition's year, {@code 2012} or {@code 2026}: the constant's name without its leading E. */
    @Override
    public String code() {
        return code;
    }

    @Override
    public String standards() {
        return standards;
    }

    @Override
    public LocalDate inForceFrom() {
        return this == E2012 ? LocalDate.MIN : SWITCH_DAY;
    }

    /** Edition for a natural day's data (daily means, daily AQI). */
    public static AirEdition forDay(LocalDate day) {
        return day.isBefore(SWITCH_DAY) ? E2012 : E2026;
    }

    /**
     * Edition for an hourly value given its <em>end</em> label (e.g. "2026-03-01 00:00" = the hour 23:00–24:00 of
     * 2026-02-28, hence 2012). The interval start is {@code hourEndLabel − 1 h}.
     */
    public static AirEdition forHour(LocalDateTime hourEndLabel) {
        return forDay(hourEndLabel.minusHours(1).toLocalDate());
    }

    /** Edition for a multi-day statistic whose period ends on {@code lastDay} (inclusive). */
    public static AirEdition forPeriodEnding(LocalDate lastDay) {
        return forDay(lastDay);
    }

    /** Parses {@code "2012"} or {@code "2026"} (also the enum names); {@code null} if unknown. */
    public static AirEdition parse(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code) || e.name().equals(code)).findFirst()
                .orElse(null);
    }

    @Override
    public String toString() {
        return code;
    }
}
