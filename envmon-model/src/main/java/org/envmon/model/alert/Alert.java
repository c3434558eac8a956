package org.envmon.model.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alert raised by a rule, as the early-warning engine handles it and as the store keeps it
 * ({@link org.envmon.model.AlertStore}). Immutable: every change makes a new value ({@link #acknowledge},
 * {@link #close}, {@link #observe}) which the engine saves.
 *
 * <p>Times are kept to the microsecond (both store engines' precision): the constructor truncates them, so what is
 * saved is exactly what is read back.
 *
 * @param id           assigned by the repository
 * @param subject      site code or city name, see {@code subjectType}
 * @param parameter    HJ 212 code (or "AQI"); empty when the rule has none (offline)
 * @param openedAt     wall-clock time the engine opened it
 * @param updatedAt    last change of state or of the observed values
 * @param closedAt     null while active
 * @param dataTime     time of the value that triggered it (interval start for observations, the hour for AQI)
 * @param value        the value that triggered it (for offline: minutes since the last packet)
 * @param lastValue    latest value seen while active
 * @param peakValue    worst value seen while active (highest for "above" rules, lowest for "below" rules)
 * @param threshold    the limit the rule compares with, or null
 * @param ackNote      note given when acknowledged, or null
 * @param ackOperator  who acknowledged, or null
 * @param closedBy     {@link #SYSTEM} when closed automatically, else the operator
 * @param history      every transition, oldest first
 */
public record Alert(
        long id,
        String ruleId,
        SubjectType subjectType,
        String subject,
        String parameter,
        Severity severity,
        AlertState state,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt,
        Instant dataTime,
        double value,
        double lastValue,
        double peakValue,
        Double threshold,
        String message,
        String ackNote,
        String ackOperator,
        String closedBy,
        List<Transition> history) {

    /** The operator name the engine uses for its own transitions. */
    public static final String SYSTEM = "system";

    public Alert {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subject, "subject");
        parameter = parameter == null ? "" : parameter;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        openedAt = micros(Objects.requireNonNull(openedAt, "openedAt"));
        updatedAt = micros(Objects.requireNonNull(updatedAt, "updatedAt"));
        closedAt = micros(closedAt);
        dataTime = micros(dataTime);
        history = List.copyOf(Objects.requireNonNull(history, "history"));
    }

    /** Open or acknowledged. */
    public boolean active() {
        return state.active();
    }

    public AlertKey key() {
        return new AlertKey(ruleId, subject, parameter);
    }

    /** A new open alert for a condition. */
    public static Alert open(long id, Condition c, Instant now) {
        return new Alert(id, c.key().ruleId(), c.subjectType(), c.key().subject(), c.key().parameter(), c.severity(),
                AlertState.OPEN, now, now, null, c.dataTime(), c.value(), c.value(), c.value(), c.threshold(),
                c.message(), null, null, null, List.of(new Transition(null, AlertState.OPEN, now, SYSTEM,
                        c.message())));
    }

    /** The same alert with a newer value seen while the condition persists (no state change). */
    public Alert observe(double v, boolean higherIsWorse, Instant now) {
        double peak = higherIsWorse ? Math.max(peakValue, v) : Math.min(peakValue, v);
        return new Alert(id, ruleId, subjectType, subject, parameter, severity, state, openedAt, now, closedAt,
                dataTime, value, v, peak, threshold, message, ackNote, ackOperator, closedBy, history);
    }

    /** @throws AlertTransitionException unless the alert is open */
    public Alert acknowledge(String operator, String note, Instant now) {
        if (state != AlertState.OPEN) {
            throw new AlertTransitionException("alert " + id + " is " + state.code() + "; only an open alert can be "
                    + "acknowledged");
        }
        return new Alert(id, ruleId, subjectType, subject, parameter, severity, AlertState.ACKNOWLEDGED, openedAt,
                now, null, dataTime, value, lastValue, peakValue, threshold, message, note, operator, null,
                append(new Transition(state, AlertState.ACKNOWLEDGED, now, operator, note)));
    }

    /** @throws AlertTransitionException when already closed */
    public Alert close(String operator, String note, Instant now) {
        if (state == AlertState.CLOSED) {
            throw new AlertTransitionException("alert " + id + " is already closed");
        }
        return new Alert(id, ruleId, subjectType, subject, parameter, severity, AlertState.CLOSED, openedAt, now,
                now, dataTime, value, lastValue, peakValue, threshold, message, ackNote, ackOperator, operator,
                append(new Transition(state, AlertState.CLOSED, now, operator, note)));
    }

    private List<Transition> append(Transition t) {
        List<Transition> h = new ArrayList<>(history.size() + 1);
        h.addAll(history);
        h.add(t);
        return h;
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
