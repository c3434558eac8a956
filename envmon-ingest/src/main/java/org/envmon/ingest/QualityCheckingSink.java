package org.envmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.envmon.quality.qc.QcResult;
import org.envmon.quality.qc.QualityControl;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.WriteOutcome;

/**
 * Runs automatic QC on every value before it is handed on: each row gets its {@code valid} verdict and the QC codes
 * that fired; the value itself is never changed. When a constant run reaches its threshold, its earlier values are
 * flagged too ({@link QcFlag}, carried by the packet that completed the run). Sits in front of the writer so that the gateway and the file
 * importers are judged alike. QC runs in the caller's thread (about 40 ns a value, see BENCHMARKS.md).
 */
public final class QualityCheckingSink implements IngestSink {
    private final IngestSink next;
    private final QualityControl qc;
    private final SiteStore sites;
    private final Map<String, Medium> mediumBySite = new ConcurrentHashMap<>();
    private final Counter invalidValues;
    private final Counter retroactiveFlags;

    public QualityCheckingSink(IngestSink next, QualityControl qc, SiteStore sites, MeterRegistry registry) {
        this.next = next;
        this.qc = qc;
        this.sites = sites;
        this.invalidValues = Counter.builder("envmon.qc.values.invalid")
                .description("values stored with an invalidating QC code").register(registry);
        this.retroactiveFlags = Counter.builder("envmon.qc.flags.retroactive")
                .description("earlier value ranges flagged when a series check completed (a constant run from its"
                        + " first value)").register(registry);
    }

    @Override
    public CompletableFuture<WriteOutcome> submit(PacketWrite write) {
        if (write.observations().isEmpty()) {
            return next.submit(write);
        }
        return next.submit(check(write));
    }

    PacketWrite check(PacketWrite write) {
        List<ObservationRow> rows = write.observations();
        // A packet is one site's; an imported hour spans many sites of one medium, so the first row decides.
        QcResult result = qc.check(medium(rows.get(0).siteCode()), rows);
        List<ObservationRow> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            boolean valid = result.valid(i);
            if (!valid) {
                invalidValues.increment();
            }
            String codes = result.encoded(i);
            ObservationRow r = rows.get(i);
            checked.add(codes.isEmpty() && valid ? r : new ObservationRow(r.siteCode(), r.parameter(),
                    r.interval(), r.statistic(), r.time(), r.value(), r.flag(), valid,
                    codes.isEmpty() ? null : codes));
        }
        // Flags of earlier values that this packet's values completed (a constant run from its first value) travel
        // with it: stored and chained in its transaction, so they exist exactly when the packet does.
        List<QcFlag> flags = result.retroactiveFlags();
        if (!flags.isEmpty()) {
            retroactiveFlags.increment(flags.size());
            flags = concat(write.qcFlags(), flags);
        } else {
            flags = write.qcFlags();
        }
        return new PacketWrite(write.packet(), checked, flags);
    }

    private static List<QcFlag> concat(List<QcFlag> a, List<QcFlag> b) {
        if (a.isEmpty()) {
            return b;
        }
        List<QcFlag> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private Medium medium(String siteCode) {
        Medium m = mediumBySite.get(siteCode);
        if (m == null) {
            m = sites.byCode(siteCode).map(Site::medium).orElse(Medium.AIR);
            mediumBySite.put(siteCode, m);
        }
        return m;
    }

    @Override
    public void close() {
        next.close();
    }
}
