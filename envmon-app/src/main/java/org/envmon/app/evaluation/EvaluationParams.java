package org.envmon.app.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.envmon.app.api.BadRequestException;
import org.envmon.evaluation.AirRanking;

/** Parsing of the evaluation API's query parameters; failures are 400 problem+json. */
public final class EvaluationParams {
    private EvaluationParams() {
    }

    public static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("parameter '" + name + "' is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + name + "' is not a date (YYYY-MM-DD): " + value);
        }
    }

    /** Days from … to, both inclusive; 400 where 'to' is before 'from' or the days are more than {@code maxDays}. */
    public record Days(LocalDate from, LocalDate to) {
    }

    public static Days days(String from, String to, long maxDays) {
        LocalDate d0 = day("from", from);
        LocalDate d1 = day("to", to);
        if (d1.isBefore(d0)) {
            throw new BadRequestException("'from' must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(d0, d1) + 1 > maxDays) {
            throw new BadRequestException("at most " + maxDays + " days per request");
        }
        return new Days(d0, d1);
    }

    public static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("parameter 'month' is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter 'month' is not a month (YYYY-MM): " + value);
        }
    }

    public static AirRanking.By by(String value) {
        try {
            return AirRanking.By.parse(value == null ? "composite" : value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("parameter 'by' must be composite, pm25 or good_days: " + value);
        }
    }
}
