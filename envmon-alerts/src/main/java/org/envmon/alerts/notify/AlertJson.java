package org.envmon.alerts.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.envmon.alerts.AlertEvent;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.Transition;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of alerts and events (webhook bodies), written with Jackson. Field names match the REST API's alert
 * view; times are ISO-8601 in Beijing time (+08:00), as everywhere in the API; an empty parameter and a value that is
 * not a finite number are null. The bytes are those receivers have verified signatures over since the first release:
 * fields in this order, nulls written, control characters other than \n, \r and \t as lower-case \\u escapes, and
 * U+2028/U+2029 escaped (so a body is also valid JavaScript).
 */
public final class AlertJson {
    private static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE, JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();
    private static final CharacterEscapes ESCAPES = new Escapes();

    private AlertJson() {
    }

    @JsonPropertyOrder({"event", "sequence", "alert"})
    record EventBody(String event, long sequence, AlertBody alert) {
    }

    @JsonPropertyOrder({"id", "ruleId", "subjectType", "subject", "parameter", "severity", "state", "openedAt",
        "updatedAt", "closedAt", "dataTime", "value", "lastValue", "peakValue", "threshold", "message", "ackNote",
        "ackOperator", "closedBy", "history"})
    record AlertBody(long id, String ruleId, String subjectType, String subject, String parameter, String severity,
                     String state, String openedAt, String updatedAt, String closedAt, String dataTime, Double value,
                     Double lastValue, Double peakValue, Double threshold, String message, String ackNote,
                     String ackOperator, String closedBy, List<TransitionBody> history) {

        static AlertBody of(Alert a) {
            return new AlertBody(a.id(), a.ruleId(), a.subjectType().code(), a.subject(),
                    a.parameter().isEmpty() ? null : a.parameter(), a.severity().code(), a.state().code(),
                    time(a.openedAt()), time(a.updatedAt()), time(a.closedAt()), time(a.dataTime()), finite(a.value()),
                    finite(a.lastValue()), finite(a.peakValue()), finite(a.threshold()), a.message(), a.ackNote(),
                    a.ackOperator(), a.closedBy(), a.history().stream().map(TransitionBody::of).toList());
        }
    }

    @JsonPropertyOrder({"from", "to", "at", "operator", "note"})
    record TransitionBody(String from, String to, String at, String operator, String note) {
        static TransitionBody of(Transition t) {
            return new TransitionBody(t.from() == null ? null : t.from().code(), t.to().code(), time(t.at()),
                    t.operator(), t.note());
        }
    }

    /** A webhook body: {@code {"event":"opened","sequence":7,"alert":{...}}}. */
    public static String event(AlertEvent e) {
        return write(new EventBody(e.type().code(), e.sequence(), AlertBody.of(e.alert())));
    }

    public static String alert(Alert a) {
        return write(AlertBody.of(a));
    }

    private static String write(Object body) {
        return JSON.writer().with(ESCAPES).writeValueAsString(body);
    }

    private static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(BEIJING));
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** JSON's escapes, with \b and \f as \\u escapes and the two line separators escaped. */
    private static final class Escapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['\b'] = ESCAPE_STANDARD;
            ASCII['\f'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return Arrays.copyOf(ASCII, ASCII.length);
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
