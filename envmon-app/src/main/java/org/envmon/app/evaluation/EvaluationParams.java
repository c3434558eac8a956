package org.envmon.app.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
