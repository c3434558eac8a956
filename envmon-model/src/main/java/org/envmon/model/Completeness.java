package org.envmon.model;

import java.time.LocalDate;

/**
 * Completeness of one site over a period of days [{@code from}, {@code to}) (a day, or the days of a month within
 * the query). Counts are value slots: one slot per parameter and interval step (an hour for hourly values).
 *
 * @param expected slots that should hold a value: steps per day x parameters x days (24 x n per day for hourly)
 * @param received slots holding at least one stored value (statistic VALUE); repeated deliveries of a slot count once
 * @param valid    received slots whose value (the latest received copy) is effectively valid: the latest covering
 *                 review decides, else the automatic QC verdict
 */
public record Completeness(String siteCode, LocalDate from, LocalDate to, long expected, long received, long valid) {

    /** 数据获取率 = received / expected (0 when nothing is expected). */
    public double captureRate() {
        return expected == 0 ? 0 : (double) received / expected;
    }

    /** 数据有效率 = valid / expected: the share of expected slots that hold a valid value (denominator: expected). */
    public double validRate() {
        return expected == 0 ? 0 : (double) valid / expected;
    }

    /** valid / received, for reports that use received values as the denominator. */
    public double validShareOfReceived() {
        return received == 0 ? 0 : (double) valid / received;
    }
}
