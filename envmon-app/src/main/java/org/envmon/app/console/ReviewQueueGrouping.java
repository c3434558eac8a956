package org.envmon.app.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.envmon.model.QcFlag;
import org.envmon.quality.qc.QcCode;

/**
 * Turns QC-flagged hourly values into review items: the values of one series flagged for the same reason, one after
 * the other, are one item, so that a stuck analyser's constant run is decided once, from its first reading (the
 * values before the threshold are flagged on read by the run's {@link QcFlag}) to its last. Pure: no I/O.
 *
 * <p>A run ends at a value of the series that is not flagged (or flagged for another reason), or at a gap in the
 * series longer than {@code maxGap} (a station silent for hours starts a new item when it comes back still flagged).
 */
public final class ReviewQueueGrouping {

    /**
     * One stored value of a series.
     *
     * @param code          the primary QC code ({@link #primaryCode}), null when automatic QC found the value valid
     * @param reviewedValid the decision of the latest review covering it, null = not reviewed
     */
    public record Value(String site, String parameter, Instant time, String code, Boolean reviewedValid) {
        public Value {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(time, "time");
        }
    }

    /** What a review item's values are now: none reviewed, all invalidated, all accepted, or some of each. */
    public enum State { PENDING, INVALIDATED, ACCEPTED, MIXED }

    /**
     * A review item: the values of one series with time in [{@code from}, {@code to}).
     *
     * @param runLength the constant run's length when it reached the threshold (null for other codes)
     * @param runValue  the repeated value (null for other codes)
     */
    public record Item(String site, String parameter, String code, Instant from, Instant to, int values,
                       int reviewed, State state, Integer runLength, Double runValue) {
    }

    private ReviewQueueGrouping() {
    }

    /**
     * The code a value is queued under: its first invalidating QC code (an instrument flag, range, constant run,
     * ...), else its first code; null when it has none.
     */
    public static String primaryCode(List<String> codes) {
        for (String c : codes) {
            try {
                if (QcCode.valueOf(c).invalidates()) {
                    return c;
                }
            } catch (IllegalArgumentException unknown) {
                // a code of a later version: kept as a code, not ranked
            }
        }
        return codes.isEmpty() ? null : codes.get(0);
    }

    /**
     * Groups the values (any order, valid ones included so that they end runs) into items, ordered by site,
     * parameter and time. {@code step} is the series' interval (one hour); {@code flags} give the run evidence.
     */
    public static List<Item> group(List<Value> values, List<QcFlag> flags, Duration step, Duration maxGap) {
        List<Value> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(Value::site).thenComparing(Value::parameter).thenComparing(Value::time));
        List<Item> items = new ArrayList<>();
        Run run = null;
        Value previous = null;
        for (Value v : sorted) {
            boolean sameSeries = previous != null && previous.site().equals(v.site())
                    && previous.parameter().equals(v.parameter());
            boolean continues = run != null && sameSeries && Objects.equals(run.code, v.code)
                    && Duration.between(previous.time(), v.time()).compareTo(maxGap) <= 0;
            if (!continues && run != null) {
                items.add(run.item(step, flags));
                run = null;
            }
            if (v.code() != null && run == null) {
                run = new Run(v);
            }
            if (run != null) {
                run.add(v);
            }
            previous = v;
        }
        if (run != null) {
            items.add(run.item(step, flags));
        }
        return items;
    }

    private static final class Run {
        final String site;
        final String parameter;
        final String code;
        final Instant from;
        Instant last;
        int values;
        int invalidated;
        int accepted;

        Run(Value first) {
            this.site = first.site();
            this.parameter = first.parameter();
            this.code = first.code();
            this.from = first.time();
        }

        void add(Value v) {
            last = v.time();
            values++;
            if (Boolean.FALSE.equals(v.reviewedValid())) {
                invalidated++;
            } else if (Boolean.TRUE.equals(v.reviewedValid())) {
                accepted++;
            }
        }

        Item item(Duration step, List<QcFlag> flags) {
            Instant to = last.plus(step);
            State state = invalidated == values ? State.INVALIDATED : accepted == values ? State.ACCEPTED
                    : invalidated + accepted == 0 ? State.PENDING : State.MIXED;
            QcFlag evidence = flags.stream().filter(f -> f.siteCode().equals(site) && f.parameter().equals(parameter)
                    && f.code().equals(code) && !f.from().isBefore(from) && f.from().isBefore(to))
                    .findFirst().orElse(null);
            return new Item(site, parameter, code, from, to, values, invalidated + accepted, state,
                    evidence == null ? null : evidence.runLength(), evidence == null ? null : evidence.runValue());
        }
    }
}
