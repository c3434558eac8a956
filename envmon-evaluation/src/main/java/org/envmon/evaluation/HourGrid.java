package org.envmon.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.envmon.standards.air.AirEdition;

/**
 * A run of whole Beijing-time (UTC+8) natural days, split into hours. Hour {@code i} is the interval
 * {@code [start(i), start(i) + 1 h)}; EnvMon stores an hourly value at the <em>start</em> of its interval, CNEMC
 * labels it by the end ({@link #endLabel(int)}: the hour stored at 00:00 is labelled 01:00). Day {@code d} holds the
 * hours {@code 24d … 24d + 23}, i.e. the natural day 00:00–24:00. Immutable.
 */
public final class HourGrid {

    /** Beijing time, in which natural days and CNEMC labels are defined. */
    public static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    private final LocalDate firstDay;
    private final int days;
    private final long startEpoch;
    private final int firstHour2026;

    public HourGrid(LocalDate firstDay, int days) {
        this.firstDay = Objects.requireNonNull(firstDay, "firstDay");
        if (days <= 0) {
            throw new IllegalArgumentException("days must be positive: " + days);
        }
        this.days = days;
        this.startEpoch = firstDay.atStartOfDay().toEpochSecond(BEIJING);
        // first hour whose edition (AirEdition.forHour on the END label) is 2026; the rule is monotone in time
        int lo = 0;
        int hi = days * 24;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (AirEdition.forHour(endLabel(mid)) == AirEdition.E2026) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        this.firstHour2026 = lo;
    }

    /** The days {@code from … to} inclusive. */
    public static HourGrid of(LocalDate from, LocalDate toInclusive) {
        return new HourGrid(from, (int) (toInclusive.toEpochDay() - from.toEpochDay()) + 1);
    }

    /** One calendar year. */
    public static HourGrid ofYear(int year) {
        return of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    public int days() {
        return days;
    }

    public int hours() {
        return days * 24;
    }

    /** Start of hour {@code i}. */
    public Instant start(int i) {
        return Instant.ofEpochSecond(startEpoch + 3600L * i);
    }

    /** CNEMC label of hour {@code i}: its end, Beijing local time. */
    public LocalDateTime endLabel(int i) {
        return firstDay.atStartOfDay().plusHours(i + 1L);
    }

    /** Hour index of an interval start, or −1 if outside the grid or not on a whole hour. */
    public int index(Instant start) {
        long s = start.getEpochSecond() - startEpoch;
        if (s < 0 || s % 3600 != 0 || start.getNano() != 0) {
            return -1;
        }
        long i = s / 3600;
        return i < hours() ? (int) i : -1;
    }

    /** Hour index containing {@code t} (floor), or −1 if outside. */
    public int indexContaining(Instant t) {
        long s = t.getEpochSecond() - startEpoch;
        if (s < 0) {
            return -1;
        }
        long i = s / 3600;
        return i < hours() ? (int) i : -1;
    }

    /** Natural day {@code d}. */
    public LocalDate day(int d) {
        return firstDay.plusDays(d);
    }

    /** Day index of a date, or −1 if outside. */
    public int dayIndex(LocalDate day) {
        long d = day.toEpochDay() - firstDay.toEpochDay();
        return d >= 0 && d < days ? (int) d : -1;
    }

    /** Edition of hour {@code i}: {@link AirEdition#forHour} on its end label (= by the interval start). */
    public AirEdition hourEdition(int i) {
        return i >= firstHour2026 ? AirEdition.E2026 : AirEdition.E2012;
    }

    /** Edition of day {@code d}: {@link AirEdition#forDay}. */
    public AirEdition dayEdition(int d) {
        return AirEdition.forDay(day(d));
    }

    /** First hour index under the 2026 edition ({@link #hours()} if none). */
    public int firstHour2026() {
        return firstHour2026;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HourGrid g && g.firstDay.equals(firstDay) && g.days == days;
    }

    @Override
    public int hashCode() {
        return firstDay.hashCode() * 31 + days;
    }

    @Override
    public String toString() {
        return "HourGrid[" + firstDay + " … " + lastDay() + "]";
    }
}
