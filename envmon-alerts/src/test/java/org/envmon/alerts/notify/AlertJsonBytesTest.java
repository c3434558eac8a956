package org.envmon.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.envmon.alerts.AlertEvent;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.model.alert.Transition;

/**
 * Webhook receivers verify signatures over the body bytes: the Jackson writer must give the bytes of the hand-written
 * writer of the first release ({@link #legacy}), for any text, number and missing value.
 */
class AlertJsonBytesTest {

    @Property(tries = 1500)
    void jacksonWritesTheBytesOfTheFirstRelease(@ForAll("alerts") Alert a, @ForAll("sequences") long sequence) {
        AlertEvent e = new AlertEvent(sequence, AlertEvent.Type.OPENED, a);
        assertThat(AlertJson.event(e)).isEqualTo(legacyEvent(e));
        assertThat(AlertJson.alert(a)).isEqualTo(legacy(a));
    }

    @Provide
    Arbitrary<Long> sequences() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE);
    }

    @Provide
    Arbitrary<Alert> alerts() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u2028\u2029é水\uD83D\uDE00\uD800 ab")
                        .ofMaxLength(12));
        Arbitrary<String> maybe = Arbitraries.oneOf(text, Arbitraries.just(null));
        Arbitrary<Double> number = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-7, 1e21, 0.1 + 0.2, 4.9e-324,
                        Double.MAX_VALUE, 1.0E23, 2.0E-3));
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_102_444_800_000L)
                .map(ms -> Instant.ofEpochMilli(ms).plusNanos(ms % 7 * 1000));
        Arbitrary<Instant> maybeTime = Arbitraries.oneOf(time, Arbitraries.just(null));
        Arbitrary<Transition> step = Combinators.combine(Arbitraries.of(AlertState.class).injectNull(0.3),
                Arbitraries.of(AlertState.class), time, maybe, maybe).as(Transition::new);
        Arbitrary<List<Transition>> history = step.list().ofMaxSize(3);
        Arbitrary<Object[]> head = Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), text,
                Arbitraries.of(SubjectType.class), text, Arbitraries.oneOf(text, Arbitraries.just("")),
                Arbitraries.of(Severity.class), Arbitraries.of(AlertState.class), time)
                .as((id, rule, st, subject, parameter, severity, state, opened) -> new Object[] {id, rule, st, subject,
                    parameter, severity, state, opened});
        Arbitrary<Object[]> tail = Combinators.combine(time, maybeTime, maybeTime, number, number, number,
                number.injectNull(0.3), maybe).as((updated, closed, data, value, last, peak, threshold, message) ->
                new Object[] {updated, closed, data, value, last, peak, threshold, message});
        Arbitrary<Object[]> ops = Combinators.combine(maybe, maybe, maybe, history)
                .as((note, op, by, h) -> new Object[] {note, op, by, h});
        return Combinators.combine(head, tail, ops).as((h, t, o) -> new Alert((Long) h[0], (String) h[1],
                (SubjectType) h[2], (String) h[3], (String) h[4], (Severity) h[5], (AlertState) h[6], (Instant) h[7],
                (Instant) t[0], (Instant) t[1], (Instant) t[2], (Double) t[3], (Double) t[4], (Double) t[5],
                (Double) t[6], (String) t[7], (String) o[0], (String) o[1], (String) o[2], cast(o[3])));
    }

    @SuppressWarnings("unchecked")
    private static List<Transition> cast(Object o) {
        return new ArrayList<>((List<Transition>) o);
    }

    // ---- the hand-written writer of the first release, kept as the reference of the bytes ----

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    static String legacyEvent(AlertEvent e) {
        StringBuilder b = new StringBuilder(768);
        b.append("{\"event\":");
        string(b, e.type().code());
        b.append(",\"sequence\":").append(e.sequence()).append(",\"alert\":");
        b.append(legacy(e.alert()));
        return b.append('}').toString();
    }

    static String legacy(Alert a) {
        StringBuilder b = new StringBuilder(640);
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
        return b.append("]}").toString();
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

    private static void string(StringBuilder b, String s) {
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
