package org.envmon.quality.qc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.envmon.quality.qc.SeriesMemory.Series;
import org.envmon.quality.qc.SeriesMemory.SiteSeries;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.Statistic;

/**
 * Automatic QC of every incoming value: one instance per process, thread-safe, no I/O. It reads the rows and never
 * changes them; the verdict goes beside the raw value.
 *
 * <p>Checks, per row:
 * <ol>
 *   <li>instrument flag (HJ 212 {@code -Flag}, see {@link QcCode});</li>
 *   <li>NaN/infinite; range ({@code NEGATIVE}, {@code BELOW_RANGE}, {@code ABOVE_RANGE}) and detection limit for every
 *       statistic except {@link Statistic#COU} (a cumulative amount has other units; it gets only {@code NEGATIVE});</li>
 *   <li>time more than {@link QcOptions#futureTolerance()} ahead of now;</li>
 *   <li>{@link Statistic#VALUE} rows only, per (site, parameter, interval) series, in arrival order: duplicate and
 *       out-of-order time (then nothing else of the series is checked), constant run, rate of change and spike against
 *       the last in-order value that passed the point checks and is at most {@code max_gap} older. When a constant
 *       run reaches its threshold, the run's earlier values (which passed when they came) are flagged too, from its
 *       first value: {@link QcResult#retroactiveFlags()}, stored beside them as a {@link QcFlag};</li>
 *   <li>{@link Statistic#VALUE} rows only, within the rows checked together: a part above its total at the same site,
 *       interval and time marks both rows; skipped when either is already invalid.</li>
 * </ol>
 * Rate and spike are not evaluated on a value that is already invalid (its first reason is enough); a value with an
 * invalidating code stays invalid whatever else fires, because validity is "no invalidating code".
 *
 * <p>Series state is kept in memory ({@link QcOptions#maxSites()} sites, LRU) and is lost on restart: the series checks
 * then start fresh. Verdicts of one site depend on the order its packets arrive in; they are deterministic for a
 * given order. Parameters without a configured rule get the flag, NaN, future, order and duplicate checks only.
 */
public final class QualityControl {
    private final QcRules rules;
    private final QcOptions options;
    private final Clock clock;
    private final long futureToleranceMillis;
    private final SeriesMemory memory;

    public QualityControl(QcRules rules, QcOptions options, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.futureToleranceMillis = options.futureTolerance().toMillis();
        this.memory = new SeriesMemory(options.maxSites(), options.maxSeriesPerSite());
    }

    /** Shipped defaults, system UTC clock. */
    public static QualityControl withDefaults() {
        return new QualityControl(QcRules.defaults(), QcOptions.defaults(), Clock.systemUTC());
    }

    public QcRules rules() {
        return rules;
    }

    public QcOptions options() {
        return options;
    }

    /** Sites with series state (for a gauge). */
    public int trackedSites() {
        return memory.siteCount();
    }

    /** QC of a packet's observations, now taken from the clock. */
    public QcResult check(Medium medium, PacketWrite write) {
        return check(medium, write.observations(), clock.instant());
    }

    /** QC of rows of one site's packet (or file batch), now taken from the clock. */
    public QcResult check(Medium medium, List<ObservationRow> rows) {
        return check(medium, rows, clock.instant());
    }

    /**
     * QC of rows against an explicit "now" (replays, tests). Rows of several sites are allowed; each run of
     * consecutive rows of one site is checked under that site's lock.
     *
     * @return one mask per row, in the order of {@code rows}
     */
    public QcResult check(Medium medium, List<ObservationRow> rows, Instant now) {
        Objects.requireNonNull(medium, "medium");
        int n = rows.size();
        long[] masks = new long[n];
        if (n == 0) {
            return new QcResult(masks);
        }
        long futureLimit = now.toEpochMilli() + futureToleranceMillis;
        ParamRule[] ruleOf = new ParamRule[n];
        List<QcFlag> retro = new ArrayList<>(0);
        boolean anyPart = false;
        int i = 0;
        while (i < n) {
            String site = rows.get(i).siteCode();
            int j = i + 1;
            while (j < n && Objects.equals(rows.get(j).siteCode(), site)) {
                j++;
            }
            if (site == null) {
                for (int k = i; k < j; k++) {
                    anyPart |= checkRow(medium, rows.get(k), k, masks, ruleOf, futureLimit, null, retro);
                }
            } else {
                SiteSeries ss = memory.site(site);
                synchronized (ss) {
                    for (int k = i; k < j; k++) {
                        anyPart |= checkRow(medium, rows.get(k), k, masks, ruleOf, futureLimit, ss, retro);
                    }
                }
            }
            i = j;
        }
        if (anyPart) {
            crossCheck(rows, masks, ruleOf);
        }
        return new QcResult(masks, retro.isEmpty() ? List.of() : List.copyOf(retro));
    }

    /** Point and series checks of one row; true when the row is a part with a total to compare against. */
    private boolean checkRow(Medium medium, ObservationRow row, int idx, long[] masks, ParamRule[] ruleOf,
                             long futureLimit, SiteSeries ss, List<QcFlag> retro) {
        long m = 0;
        QcCode flag = QcCode.ofInstrumentFlag(row.flag());
        if (flag != null) {
            m |= flag.mask();
        }
        double v = row.value();
        ParamRule rule = row.interval() == null || row.parameter() == null
                ? null : rules.rule(medium, row.interval(), row.parameter());
        ruleOf[idx] = rule;
        Statistic stat = row.statistic();
        boolean finite = Double.isFinite(v);
        if (!finite) {
            m |= QcCode.NOT_A_NUMBER.mask();
        } else if (rule != null) {
            if (v < 0 && rule.min() >= 0) {
                m |= QcCode.NEGATIVE.mask();
            } else if (stat != Statistic.COU) {
                if (v < rule.min()) {
                    m |= QcCode.BELOW_RANGE.mask();
                } else if (v > rule.max()) {
                    m |= QcCode.ABOVE_RANGE.mask();
                }
                if (v >= 0 && v < rule.detectionLimit()) {
                    m |= QcCode.BELOW_DETECTION_LIMIT.mask();
                }
            }
        }
        long t = 0;
        if (row.time() != null) {
            t = row.time().toEpochMilli();
            if (t > futureLimit) {
                m |= QcCode.FUTURE_TIME.mask();
            }
        }
        if (ss != null && stat == Statistic.VALUE && row.time() != null && row.parameter() != null
                && row.interval() != null && (m & QcCode.FUTURE_TIME.mask()) == 0) {
            Series series = ss.series(row.parameter(), row.interval().ordinal());
            m |= series(series, rule, t, v, finite, m);
            if (rule != null && series.runLength == rule.constantN() && (m & QcCode.CONSTANT.mask()) != 0
                    && series.runStart < t) {
                // The run is stuck from its first value: flag the values before this one, which QC passed then.
                retro.add(QcFlag.of(row.siteCode(), row.parameter(), row.interval(),
                        Instant.ofEpochMilli(series.runStart), row.time(), QcCode.CONSTANT.name(),
                        series.runLength, v));
            }
        }
        masks[idx] = m;
        return rule != null && rule.notAbove() != null && stat == Statistic.VALUE && QcCode.isValid(m);
    }

    /** Series checks; updates the state. A future-dated value never enters the state (it would block the series). */
    private static long series(Series s, ParamRule rule, long t, double v, boolean finite, long pointMask) {
        if (s.lastTime != Long.MIN_VALUE) {
            if (t == s.lastTime) {
                return QcCode.DUPLICATE_TIME.mask();
            }
            if (t < s.lastTime) {
                return QcCode.OUT_OF_ORDER.mask();
            }
        }
        s.lastTime = t;
        long m = 0;
        if (finite && v == s.runValue) {
            s.runLength++;
        } else {
            s.runValue = finite ? v : Double.NaN;
            s.runLength = finite ? 1 : 0;
            s.runStart = t;
        }
        if (rule == null) {
            return 0;
        }
        if (rule.constantN() > 0 && s.runLength >= rule.constantN() && !(v <= rule.constantMin())) {
            m |= QcCode.CONSTANT.mask();
        }
        boolean pointValid = QcCode.isValid(pointMask);
        if (pointValid && !Double.isNaN(s.baseValue) && t - s.baseTime <= rule.maxGapMillis()) {
            double base = s.baseValue;
            double diff = v - base;
            if (Math.abs(diff) > rule.rateMax()) {
                m |= QcCode.RATE_OF_CHANGE.mask();
            }
            if (v >= rule.spikeFactor() * base && diff >= rule.spikeMin()) {
                m |= QcCode.SPIKE.mask();
            }
        }
        if (pointValid && (m & QcCode.RATE_OF_CHANGE.mask()) == 0) {
            s.baseValue = v;
            s.baseTime = t;
        }
        return m;
    }

    private static void crossCheck(List<ObservationRow> rows, long[] masks, ParamRule[] ruleOf) {
        int n = rows.size();
        for (int i = 0; i < n; i++) {
            ParamRule r = ruleOf[i];
            if (r == null || r.notAbove() == null || !QcCode.isValid(masks[i])) {
                continue;
            }
            ObservationRow part = rows.get(i);
            if (part.statistic() != Statistic.VALUE) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                ObservationRow total = rows.get(j);
                if (j == i || total.statistic() != Statistic.VALUE || !r.notAbove().equals(total.parameter())
                        || total.interval() != part.interval() || !Objects.equals(total.time(), part.time())
                        || !Objects.equals(total.siteCode(), part.siteCode()) || !QcCode.isValid(masks[j])) {
                    continue;
                }
                if (part.value() > total.value()) {
                    masks[i] |= r.pairCode().mask();
                    masks[j] |= r.pairCode().mask();
                }
                break;
            }
        }
    }
}
