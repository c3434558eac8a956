package org.envmon.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An alert as the store keeps it ({@link AlertStore}): every component of the early-warning engine's alert, with
 * enumerations as their lower-case codes, so that this module does not depend on the alerts module.
 *
 * <p>Times are kept to the microsecond (both engines' precision): the constructor truncates them, so what is saved
 * is exactly what is read back. Text must not contain U+0000 (PostgreSQL cannot store it).
 *
 * @param id          from {@link AlertStore#nextId()}
 * @param subjectType {@code site} or {@code city}
 * @param parameter   empty (never null) when the rule has no parameter
 * @param severity    {@code info}, {@code warning}, {@code major}, {@code critical}
 * @param state       {@link #OPEN}, {@link #ACKNOWLEDGED} or {@link #CLOSED}
 * @param closedAt    null while active
 * @param threshold   null when the rule has none
 * @param history     every transition, oldest first
 */
public record StoredAlert(
        long id,
        String ruleId,
        String subjectType,
        String subject,
        String parameter,
        String severity,
        String state,
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

    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String CLOSED = "closed";
    /** The states an alert can be in. */
    public static final Set<String> STATES = Set.of(OPEN, ACKNOWLEDGED, CLOSED);

    /**
     * One step of the history.
     *
     * @param from     null for the opening step
     * @param operator who acted, may be null
     * @param note     may be null
     */
    public record Transition(String from, String to, Instant at, String operator, String note) {
        public Transition {
            if (from != null) {
                requireState(from, "from");
            }
            requireState(to, "to");
            at = micros(Objects.requireNonNull(at, "at"));
            requireText(operator, "operator");
            requireText(note, "note");
        }
    }

    public StoredAlert {
        requireText(Objects.requireNonNull(ruleId, "ruleId"), "ruleId");
        requireText(Objects.requireNonNull(subjectType, "subjectType"), "subjectType");
        requireText(Objects.requireNonNull(subject, "subject"), "subject");
        parameter = parameter == null ? "" : parameter;
        requireText(parameter, "parameter");
        requireText(Objects.requireNonNull(severity, "severity"), "severity");
        requireState(state, "state");
        openedAt = micros(Objects.requireNonNull(openedAt, "openedAt"));
        updatedAt = micros(Objects.requireNonNull(updatedAt, "updatedAt"));
        closedAt = micros(closedAt);
        dataTime = micros(dataTime);
        requireText(message, "message");
        requireText(ackNote, "ackNote");
        requireText(ackOperator, "ackOperator");
        requireText(closedBy, "closedBy");
        history = List.copyOf(Objects.requireNonNull(history, "history"));
    }

    /** Open or acknowledged. */
    public boolean active() {
        return !CLOSED.equals(state);
    }

    private static void requireState(String state, String name) {
        if (state == null || !STATES.contains(state)) {
            throw new IllegalArgumentException(name + " must be one of open, acknowledged, closed: " + state);
        }
    }

    private static void requireText(String s, String name) {
        if (s != null && s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain U+0000");
        }
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
