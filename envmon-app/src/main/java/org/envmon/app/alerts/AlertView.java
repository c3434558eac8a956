package org.envmon.app.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.Transition;

/**
 * An alert as the API, the SSE stream and (with the same field names, written by {@code AlertJson}) the webhooks show
 * it. Times in Beijing time (+08:00).
 */
public record AlertView(long id, String ruleId, String subjectType, String subject, String parameter,
                        String severity, String state, OffsetDateTime openedAt, OffsetDateTime updatedAt,
                        OffsetDateTime closedAt, OffsetDateTime dataTime, double value, double lastValue,
                        double peakValue, Double threshold, String message, String ackNote, String ackOperator,
                        String closedBy, List<TransitionView> history) {

    static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    public record TransitionView(String from, String to, OffsetDateTime at, String operator, String note) {
        static TransitionView of(Transition t) {
            return new TransitionView(t.from() == null ? null : t.from().code(), t.to().code(), out(t.at()),
                    t.operator(), t.note());
        }
    }

    static AlertView of(Alert a) {
        return new AlertView(a.id(), a.ruleId(), a.subjectType().code(), a.subject(),
                a.parameter().isEmpty() ? null : a.parameter(), a.severity().code(), a.state().code(),
                out(a.openedAt()), out(a.updatedAt()), out(a.closedAt()), out(a.dataTime()), a.value(), a.lastValue(),
                a.peakValue(), a.threshold(), a.message(), a.ackNote(), a.ackOperator(), a.closedBy(),
                a.history().stream().map(TransitionView::of).toList());
    }

    private static OffsetDateTime out(Instant t) {
        return t == null ? null : t.atOffset(BEIJING);
    }
}
