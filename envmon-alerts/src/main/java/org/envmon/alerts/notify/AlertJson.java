package org.envmon.alerts.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.envmon.alerts.Alert;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.Transition;

/**
 * The JSON form of alerts and events, written by hand (this module has no JSON library). Field names match the REST
 * API's alert view; times are ISO-8601 in Beijing time (+08:00), as everywhere in the API; an empty parameter is
 * null.
 */
public final class AlertJson {
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private AlertJson() {
    }

    /** A webhook body: {@code {"event":"opened","sequence":7,"alert":{...}}}. */
    public static String event(AlertEvent e) {
        StringBuilder b = new StringBuilder(768);
        b.append("{\"event\":");
        string(b, e.type().code());
        b.append(",\"sequence\":").append(e.sequence()).append(",\"alert\":");
        alert(b, e.alert());
        return b.append('}').toString();
    }

    public static String alert(Alert a) {
        StringBuilder b = new StringBuilder(640);
        alert(b, a);
        return b.toString();
    }

    private static void alert(StringBuilder b, Alert a) {
        b.append("{\"id\":").append(a.id());
        field(b, "ruleId", a.ruleId());
        field(b, "subjectType", a.subjectType().code());
        field(b, "subject", a.subject());
        field(b, "parameter", a.parameter().isEmpty() ? null : a.parameter());
        field(b, "severity", a.severity().code());
        field(b, "state", a.state().code());
        time(b, "openedAt", a.openedAt());
        time(b, "updatedAt", a.updatedAt());
        time(b, "closedAt", a.closedAt());
        time(b, "dataTime", a.dataTime());
        number(b, "value", a.value());
        number(b, "lastValue", a.lastValue());
        number(b, "peakValue", a.peakValue());
        number(b, "threshold", a.threshold());
        field(b, "message", a.message());
        field(b, "ackNote", a.ackNote());
        field(b, "ackOperator", a.ackOperator());
        field(b, "closedBy", a.closedBy());
        b.append(",\"history\":[");
        for (int i = 0; i < a.history().size(); i++) {
            Transition t = a.history().get(i);
            b.append(i == 0 ? "{" : ",{");
            b.append("\"from\":");
            string(b, t.from() == null ? null : t.from().code());
            field(b, "to", t.to().code());
            time(b, "at", t.at());
            field(b, "operator", t.operator());
            field(b, "note", t.note());
            b.append('}');
        }
        b.append("]}");
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        string(b, value);
    }

    private static void time(StringBuilder b, String name, Instant t) {
        field(b, name, t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(BEIJING)));
    }

    private static void number(StringBuilder b, String name, Double v) {
        b.append(",\"").append(name).append("\":");
        b.append(v == null || !Double.isFinite(v) ? "null" : Double.toString(v));
    }

    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
