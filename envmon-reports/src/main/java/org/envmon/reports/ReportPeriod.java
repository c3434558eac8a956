package org.envmon.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** The days {@code from … to} (inclusive) a report covers. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("empty period " + from + " … " + to);
        }
    }

    public static ReportPeriod of(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod ofYear(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }

    /** A whole calendar year. */
    public boolean isYear() {
        return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
    }

    /** A whole calendar month. */
    public boolean isMonth() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth());
    }

    /** "2025年", "2025年3月", or "2025-03-01至2025-03-15". */
    public String label() {
        if (isYear()) {
            return from.getYear() + "年";
        }
        if (isMonth()) {
            return from.getYear() + "年" + from.getMonthValue() + "月";
        }
        return from + "至" + to;
    }

    /** Label for a file name: {@code 2025}, {@code 2025-03}, {@code 2025-03-01_2025-03-15}. */
    public String fileLabel() {
        if (isYear()) {
            return Integer.toString(from.getYear());
        }
        if (isMonth()) {
            return YearMonth.from(from).toString();
        }
        return from + "_" + to;
    }
}
