package org.envmon.app.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** API times are ISO-8601 with offset; EnvMon answers in Beijing time (+08:00), as HJ 212 stations report. */
public final class ApiTime {
    static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    private ApiTime() {
    }

    public static OffsetDateTime out(Instant t) {
        return t == null ? null : t.atOffset(BEIJING);
    }

    /** Accepts an offset date-time, or a local date-time / date taken as Beijing time. */
    public static Instant in(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(BEIJING);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(value).atStartOfDay().toInstant(BEIJING);
                } catch (DateTimeParseException e3) {
                    throw new BadRequestException("parameter '" + name + "' is not an ISO-8601 time: " + value);
                }
            }
        }
    }
}
