package org.envmon.alerts.rules;

import java.time.Instant;

/**
 * The raise/clear bookkeeping of one series (one site and parameter): opens after {@code minCount} bad values in a
 * row, clears after {@code clearCount} good values in a row. "In a row" is in arrival order; a value not newer than
 * the latest one taken (a redelivered or back-filled time) is not taken. Touched only by the engine's worker thread.
 */
public final class Streak {

    /** What the rule should report for the value just taken. */
    public enum Step {
        /** Nothing (not raised, or an ignored value). */
        NONE,
        /** The condition started: {@link RuleContext#raise}. */
        RAISE,
        /** Raised and still so: {@link RuleContext#persist}. */
        PERSIST,
        /** Raised and now cleared: persist the value, then {@link RuleContext#clear}. */
        CLEAR
    }

    private boolean raised;
    private Instant last;
    private int bad;
    private int good;

    public boolean raised() {
        return raised;
    }

    /** Bad values in a row while not raised (good ones while raised). */
    public int run() {
        return raised ? good : bad;
    }

    /** Whether a value of this time would be taken (newer than the latest taken, or the first). */
    public boolean isNew(Instant time) {
        return last == null || time.isAfter(last);
    }

    /**
     * Marks the series as raised again after a restart (an alert of it is still active), without its history: the
     * next values persist or clear it. {@code lastTaken} (the time of the value that raised it, or null) is taken as
     * the latest value, so a redelivered older value is not taken.
     */
    public void restore(Instant lastTaken) {
        raised = true;
        bad = 0;
        good = 0;
        if (lastTaken != null && isNew(lastTaken)) {
            last = lastTaken;
        }
    }

    /** Takes one value; {@link Step#NONE} also for a value that is not new. */
    public Step next(Instant time, boolean isBad, int minCount, int clearCount) {
        if (!isNew(time)) {
            return Step.NONE;
        }
        last = time;
        if (!raised) {
            bad = isBad ? bad + 1 : 0;
            if (bad >= minCount) {
                raised = true;
                good = 0;
                return Step.RAISE;
            }
            return Step.NONE;
        }
        good = isBad ? 0 : good + 1;
        if (good >= clearCount) {
            raised = false;
            bad = 0;
            return Step.CLEAR;
        }
        return Step.PERSIST;
    }
}
