package org.envmon.store;

import org.envmon.model.Checkpoint;
import org.envmon.model.Completeness;
import org.envmon.model.CompletenessQuery;
import org.envmon.model.DerivedStore;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.AuditRecord;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.ParameterInfo;
import org.envmon.model.PasswordHash;
import org.envmon.model.QcFlag;
import org.envmon.model.RawPacket;
import org.envmon.model.Review;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewRejectedException;
import org.envmon.model.ReviewRequest;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStatus;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.model.StoreException;
import org.envmon.model.StoredPacket;
import org.envmon.model.VerifyReport;
import org.envmon.model.WriteOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.envmon.store.jdbc.FailPoints;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every store engine must show. An engine's test extends this and names how to create its database:
 * a fresh, empty store per test, whose database is {@link #db}.
 */
public abstract class StoreContractTest<D extends TestDatabase> extends OneStorePerTest {
    protected static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private final Supplier<D> engine;
    /** The database of the current test. */
    protected D db;

    protected StoreContractTest(Supplier<D> engine) {
        this.engine = engine;
    }

    @Override
    protected final TestDatabase newDatabase() {
        db = engine.get();
        return db;
    }

    /**
     * Runs SQL directly against the database, as someone with database rights but bypassing the platform would
     * (append-only triggers disabled). {@link #store} may be reopened. Tests that need it are skipped otherwise.
     */
    protected void tamper(String... sql) {
        Assumptions.abort("this engine's test does not support direct SQL");
    }

    // ---------------------------------------------------------------- fixtures

    protected static Site site(String code, Medium medium, String mn, String province, String city) {
        return new Site(code, "站点 " + code, medium, mn, null, province, city, null, null, 30.5, 114.3, false);
    }

    protected static ObservationRow row(String site, String parameter, Interval interval, Statistic statistic,
            Instant time, double value) {
        return new ObservationRow(site, parameter, interval, statistic, time, value, "N");
    }

    protected static PacketWrite packet(String dedupKey, Instant receivedAt, ObservationRow... rows) {
        byte[] bytes = ("##0101QN=" + dedupKey + ";CP=&&&&").getBytes(StandardCharsets.US_ASCII);
        return new PacketWrite(new RawPacket(bytes, "10.0.0.1:40000", receivedAt, "hj212", "MN1", "2011",
                dedupKey, dedupKey, true), List.of(rows));
    }

    protected static ObservationQuery series(String site, String parameter, Interval interval, Statistic statistic,
            Instant from, Instant to, int limit) {
        return new ObservationQuery(site, parameter, interval, statistic, from, to, limit);
    }

    private static Instant minute(int n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    // ---------------------------------------------------------------- sites

    @Test
    void siteUpsertInsertsThenReplacesByCode() {
        Site a = site("S001", Medium.AIR, "MN001", "湖北省", "武汉市");
        Site b = site("S002", Medium.SURFACE_WATER, "MN002", "湖北省", "宜昌市");
        store.sites().upsert(List.of(a, b));
        assertThat(store.sites().byCode("S001")).contains(a);
        assertThat(store.sites().count()).isEqualTo(2);

        Site a2 = new Site("S001", "东湖梨园", Medium.AIR, "MN001X", PasswordHash.hash("pw"), "湖北省", "武汉市",
                "武昌区", "长江", null, null, true);
        store.sites().upsert(List.of(a2));
        assertThat(store.sites().byCode("S001")).contains(a2);
        assertThat(store.sites().byMn("MN001")).isEmpty();
        assertThat(store.sites().byMn("MN001X")).contains(a2);
        assertThat(store.sites().count()).isEqualTo(2);
        assertThat(store.sites().byCode("nope")).isEmpty();
    }

    @Test
    void waterSectionAttributesAreStoredAndReplaced() {
        Site lake = site("W1", Medium.SURFACE_WATER, "MNW1", "湖北省", "武汉市").withWaterSection("lake", 2, true);
        Site river = site("W2", Medium.SURFACE_WATER, "MNW2", "湖北省", "武汉市").withWaterSection("river", null, false);
        store.sites().upsert(List.of(lake, river));
        assertThat(store.sites().byCode("W1")).contains(lake);
        assertThat(store.sites().byCode("W2")).contains(river);
        assertThat(store.sites().byCode("W2").orElseThrow().targetClass()).isNull();
        Site changed = lake.withWaterSection("reservoir", 3, false);
        store.sites().upsert(List.of(changed));
        assertThat(store.sites().list(new SiteQuery(Medium.SURFACE_WATER, null, null))).containsExactly(changed, river);
        assertThatThrownBy(() -> lake.withWaterSection("sea", 2, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lake.withWaterSection("lake", 6, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void siteUpsertOfTheSameCodeTwiceKeepsTheLast() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "M1", null, null), site("S1", Medium.NOISE, "M2", null, null)));
        assertThat(store.sites().count()).isEqualTo(1);
        assertThat(store.sites().byCode("S1").orElseThrow().medium()).isEqualTo(Medium.NOISE);
        store.sites().upsert(List.of());
        assertThat(store.sites().count()).isEqualTo(1);
    }

    @Test
    void sitesListFiltersAndOrdersByCode() {
        store.sites().upsert(List.of(
                site("C3", Medium.AIR, null, "湖北省", "武汉市"),
                site("A1", Medium.AIR, null, "湖北省", "宜昌市"),
                site("B2", Medium.SURFACE_WATER, null, "湖南省", "长沙市"),
                site("D4", Medium.AIR, null, "湖南省", "长沙市")));
        assertThat(codes(store.sites().list(SiteQuery.all()))).containsExactly("A1", "B2", "C3", "D4");
        assertThat(codes(store.sites().list(null))).containsExactly("A1", "B2", "C3", "D4");
        assertThat(codes(store.sites().list(new SiteQuery(Medium.AIR, null, null)))).containsExactly("A1", "C3", "D4");
        assertThat(codes(store.sites().list(new SiteQuery(null, "湖南省", null)))).containsExactly("B2", "D4");
        assertThat(codes(store.sites().list(new SiteQuery(Medium.AIR, "湖南省", "长沙市")))).containsExactly("D4");
        assertThat(store.sites().list(new SiteQuery(Medium.SOIL, null, null))).isEmpty();
    }

    @Test
    void sitesAreFoundByMnAndSeveralSitesMayHaveNoMn() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, null, null, null), site("S2", Medium.AIR, null, null, null),
                site("S3", Medium.SOURCE_GAS, "88888880000001", null, null)));
        assertThat(store.sites().byMn("88888880000001").map(Site::code)).contains("S3");
        assertThat(store.sites().byMn("unknown")).isEmpty();
        assertThat(store.sites().count()).isEqualTo(3);
    }

    @Test
    void aDuplicateMnIsRejectedAndNothingOfTheUpsertIsStored() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "MN-A", null, null)));
        assertThatThrownBy(() -> store.sites().upsert(List.of(site("S2", Medium.AIR, "MN-B", null, null),
                site("S3", Medium.AIR, "MN-A", null, null)))).isInstanceOf(StoreException.class);
        assertThat(codes(store.sites().list(SiteQuery.all()))).containsExactly("S1");
    }

    @Test
    void passwordHashRoundTrips() {
        String hash = PasswordHash.hash("123456");
        store.sites().upsert(List.of(new Site("S1", "出口", Medium.SOURCE_WATER, "MN9", hash, null, null, null, null,
                null, null, false)));
        Site loaded = store.sites().byMn("MN9").orElseThrow();
        assertThat(loaded.passwordHash()).isEqualTo(hash);
        assertThat(PasswordHash.verify("123456", loaded.passwordHash())).isTrue();
        assertThat(PasswordHash.verify("654321", loaded.passwordHash())).isFalse();
    }

    @Test
    void twoThousandSitesImportInOneCall() {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sites.add(new Site(String.format("%05d", i), "站点" + i, Medium.values()[i % Medium.values().length],
                    "MN" + i, PasswordHash.hash("p" + i), "省" + (i % 31), "市" + (i % 300), "县" + i, null,
                    20 + i * 0.001, 100 + i * 0.001, i % 50 == 0));
        }
        store.sites().upsert(sites.subList(0, 10)); // warm-up
        long start = System.nanoTime();
        store.sites().upsert(sites);
        long insertMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        store.sites().upsert(sites);
        long replaceMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[%s] upsert of 2000 sites: insert %d ms, replace %d ms%n", store.engine(), insertMs,
                replaceMs);
        assertThat(store.sites().count()).isEqualTo(2000);
        assertThat(store.sites().byCode("01999")).contains(sites.get(1999));
        // speed is measured (printed, BENCHMARKS.md), never asserted: a shared machine makes thresholds flaky
    }

    // ---------------------------------------------------------------- parameters

    @Test
    void parametersUpsertAndRead() {
        ParameterInfo so2 = new ParameterInfo("a21026", "二氧化硫", "SO2", "μg/m³", 0, "air");
        ParameterInfo ph = new ParameterInfo("w01001", "pH值", "pH", null, 2, "water");
        store.parameters().upsert(List.of(so2, ph));
        assertThat(store.parameters().list()).containsExactly(so2, ph);
        ParameterInfo so2b = new ParameterInfo("a21026", "二氧化硫", "Sulphur dioxide", "mg/m³", null, null);
        store.parameters().upsert(List.of(so2b));
        assertThat(store.parameters().byCode("a21026")).contains(so2b);
        assertThat(store.parameters().byCode("x")).isEmpty();
        assertThat(store.parameters().count()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- observations

    @Test
    void writeAndQueryRoundTripForEveryIntervalAndStatistic() {
        List<PacketWrite> batch = new ArrayList<>();
        Instant received = T0.plusMillis(1234);
        for (Interval interval : Interval.values()) {
            List<ObservationRow> rows = new ArrayList<>();
            for (Statistic statistic : Statistic.values()) {
                double value = interval.ordinal() * 100 + statistic.ordinal() + 0.25;
                rows.add(new ObservationRow("S1", "a21026", interval, statistic, T0, value,
                        statistic == Statistic.MAX ? null : "N"));
            }
            batch.add(packet("k-" + interval, received, rows.toArray(ObservationRow[]::new)));
        }
        List<WriteOutcome> outcomes = store.observations().write(batch);
        assertThat(outcomes).extracting(WriteOutcome::status).containsOnly(WriteOutcome.Status.STORED);
        assertThat(store.observations().packetCount()).isEqualTo(Interval.values().length);
        assertThat(store.observations().observationCount())
                .isEqualTo((long) Interval.values().length * Statistic.values().length);

        for (Interval interval : Interval.values()) {
            long packetId = outcomes.get(interval.ordinal()).packetId();
            for (Statistic statistic : Statistic.values()) {
                List<Observation> got = store.observations().query(
                        series("S1", "a21026", interval, statistic, T0, T0.plusSeconds(1), 10));
                assertThat(got).containsExactly(new Observation("S1", "a21026", interval, statistic, T0,
                        interval.ordinal() * 100 + statistic.ordinal() + 0.25,
                        statistic == Statistic.MAX ? null : "N", received, packetId));
            }
        }
    }

    @Test
    void queryIsFromInclusiveToExclusiveOldestFirstAndLimited() {
        List<PacketWrite> batch = new ArrayList<>();
        for (int m : new int[] {5, 1, 9, 0, 3, 7, 2, 8, 4, 6}) { // written out of order
            batch.add(packet("q" + m, minute(m).plusSeconds(30),
                    row("S1", "a01001", Interval.MINUTE, Statistic.VALUE, minute(m), m),
                    row("S2", "a01001", Interval.MINUTE, Statistic.VALUE, minute(m), -m),
                    row("S1", "a01002", Interval.MINUTE, Statistic.VALUE, minute(m), -m),
                    row("S1", "a01001", Interval.HOUR, Statistic.VALUE, minute(m), -m),
                    row("S1", "a01001", Interval.MINUTE, Statistic.MAX, minute(m), -m)));
        }
        store.observations().write(batch);

        List<Observation> got = store.observations().query(
                series("S1", "a01001", Interval.MINUTE, Statistic.VALUE, minute(2), minute(5), 100));
        assertThat(got).extracting(Observation::time).containsExactly(minute(2), minute(3), minute(4));
        assertThat(got).extracting(Observation::value).containsExactly(2.0, 3.0, 4.0);

        assertThat(store.observations().query(
                series("S1", "a01001", Interval.MINUTE, Statistic.VALUE, minute(0), minute(10), 3)))
                .extracting(Observation::time).containsExactly(minute(0), minute(1), minute(2));
        assertThat(store.observations().query(
                series("S1", "a01001", Interval.MINUTE, Statistic.VALUE, minute(9), minute(9), 3))).isEmpty();
        assertThat(store.observations().query(
                series("S1", "a01001", Interval.MINUTE, Statistic.VALUE, minute(9).minusNanos(1000), minute(9), 3)))
                .isEmpty();
        assertThat(store.observations().query(
                series("S1", "a01001", Interval.MINUTE, Statistic.VALUE, minute(9), minute(9).plusNanos(1000), 3)))
                .extracting(Observation::value).containsExactly(9.0);
        assertThat(store.observations().query(
                series("S9", "a01001", Interval.MINUTE, Statistic.VALUE, minute(0), minute(10), 3))).isEmpty();
    }

    @Test
    void whenTheSameValueWasStoredTwiceTheLatestReceivedWins() {
        store.observations().write(List.of(packet("first", T0.plusSeconds(10),
                row("S1", "a01001", Interval.HOUR, Statistic.VALUE, T0, 1.0),
                row("S1", "a01001", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(3600), 2.0))));
        List<WriteOutcome> second = store.observations().write(List.of(packet("correction", T0.plusSeconds(20),
                row("S1", "a01001", Interval.HOUR, Statistic.VALUE, T0, 1.5))));
        List<Observation> got = store.observations().query(
                series("S1", "a01001", Interval.HOUR, Statistic.VALUE, T0, T0.plusSeconds(7200), 10));
        assertThat(got).extracting(Observation::value).containsExactly(1.5, 2.0);
        assertThat(got.get(0).packetId()).isEqualTo(second.get(0).packetId());
        assertThat(got.get(0).receivedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(store.observations().observationCount()).isEqualTo(3); // raw values are never replaced
    }

    @Test
    void latestGivesTheNewestValuePerParameterAndInterval() {
        store.observations().write(List.of(
                packet("l1", T0.plusSeconds(1),
                        row("S1", "b", Interval.MINUTE, Statistic.VALUE, minute(1), 11),
                        row("S1", "b", Interval.MINUTE, Statistic.MAX, minute(5), 99),
                        row("S1", "a", Interval.HOUR, Statistic.VALUE, minute(0), 5),
                        row("S2", "a", Interval.MINUTE, Statistic.VALUE, minute(9), 7)),
                packet("l2", T0.plusSeconds(2),
                        row("S1", "b", Interval.MINUTE, Statistic.VALUE, minute(2), 12),
                        row("S1", "b", Interval.MINUTE, Statistic.VALUE, minute(0), 10),
                        row("S1", "a", Interval.MINUTE, Statistic.VALUE, minute(3), 3)),
                packet("l3", T0.plusSeconds(3), // a correction of minute 2, received later
                        row("S1", "b", Interval.MINUTE, Statistic.VALUE, minute(2), 12.5))));
        List<Observation> latest = store.observations().latest("S1");
        assertThat(latest).extracting(o -> o.parameter() + "/" + o.interval().code() + "=" + o.value())
                .containsExactly("a/minute=3.0", "a/hour=5.0", "b/minute=12.5");
        assertThat(latest).extracting(Observation::statistic).containsOnly(Statistic.VALUE);
        assertThat(store.observations().latest("nobody")).isEmpty();
    }

    @Test
    void aRedeliveryInALaterBatchIsReportedDuplicateAndStoredOnce() {
        List<WriteOutcome> first = store.observations().write(List.of(
                packet("MN1|2011|Q1", T0, row("S1", "a", Interval.REALTIME, Statistic.VALUE, T0, 1))));
        assertThat(first).containsExactly(WriteOutcome.stored(first.get(0).packetId()));

        List<WriteOutcome> second = store.observations().write(List.of(
                packet("MN1|2011|Q2", T0, row("S1", "a", Interval.REALTIME, Statistic.VALUE, T0.plusSeconds(30), 2)),
                packet("MN1|2011|Q1", T0.plusSeconds(60), row("S1", "a", Interval.REALTIME, Statistic.VALUE, T0, 9))));
        assertThat(second.get(0).status()).isEqualTo(WriteOutcome.Status.STORED);
        assertThat(second.get(1)).isEqualTo(WriteOutcome.duplicate(first.get(0).packetId()));
        assertThat(store.observations().packetCount()).isEqualTo(2);
        assertThat(store.observations().observationCount()).isEqualTo(2);
        assertThat(store.observations().query(series("S1", "a", Interval.REALTIME, Statistic.VALUE, T0,
                T0.plusSeconds(1), 10))).extracting(Observation::value).containsExactly(1.0);
    }

    @Test
    void aRedeliveryWithinOneBatchIsReportedDuplicateOfTheFirstCopy() {
        List<WriteOutcome> out = store.observations().write(List.of(
                packet("K1", T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0, 1)),
                packet("K1", T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0, 1)),
                packet(null, T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0.plusSeconds(60), 2)),
                packet(null, T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0.plusSeconds(60), 2)),
                packet("K1", T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0, 1))));
        assertThat(out).extracting(WriteOutcome::status).containsExactly(WriteOutcome.Status.STORED,
                WriteOutcome.Status.DUPLICATE, WriteOutcome.Status.STORED, WriteOutcome.Status.STORED,
                WriteOutcome.Status.DUPLICATE);
        assertThat(out.get(1).packetId()).isEqualTo(out.get(0).packetId());
        assertThat(out.get(4).packetId()).isEqualTo(out.get(0).packetId());
        assertThat(out.get(3).packetId()).isNotEqualTo(out.get(2).packetId()); // null key: never a duplicate
        assertThat(store.observations().packetCount()).isEqualTo(3);
        assertThat(store.observations().observationCount()).isEqualTo(3);
    }

    @Test
    void dedupKeysWithQuotesBackslashesAndControlCharactersAreMatchedExactly() {
        String[] keys = {"MN'1|2011|Q'", "MN\\1|2011|Q\\", "MN\t1|\n|\r", "站点|2011|Q", "MN1|2011|Q"};
        List<PacketWrite> batch = new ArrayList<>();
        for (String k : keys) {
            batch.add(packet(k, T0));
        }
        List<WriteOutcome> first = store.observations().write(batch);
        assertThat(first).extracting(WriteOutcome::status).containsOnly(WriteOutcome.Status.STORED);
        List<WriteOutcome> again = store.observations().write(batch);
        for (int i = 0; i < keys.length; i++) {
            assertThat(again.get(i)).as(keys[i]).isEqualTo(WriteOutcome.duplicate(first.get(i).packetId()));
        }
        assertThat(store.observations().write(List.of(packet("MN1|2011|Q ", T0))).get(0).status())
                .isEqualTo(WriteOutcome.Status.STORED);
        assertThat(store.observations().packetCount()).isEqualTo(keys.length + 1);
        assertThatThrownBy(() -> store.observations().write(List.of(packet("MN\u00001|2011|Q", T0))))
                .isInstanceOf(StoreException.class).hasMessageContaining("U+0000");
    }

    @Test
    void packetIdsIncreaseAcrossBatches() {
        long last = 0;
        for (int b = 0; b < 3; b++) {
            List<PacketWrite> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(packet("b" + b + "p" + i, T0));
            }
            for (WriteOutcome o : store.observations().write(batch)) {
                assertThat(o.packetId()).isGreaterThan(last);
                last = o.packetId();
            }
        }
        assertThat(store.observations().packetCount()).isEqualTo(15);
        assertThat(store.observations().observationCount()).isZero();
        assertThat(store.observations().write(List.of())).isEmpty();
    }

    @Test
    void aFailingBatchStoresNothingAndTheStoreStaysUsable() {
        List<WriteOutcome> before = store.observations().write(List.of(
                packet("ok-0", T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0, 1))));
        List<PacketWrite> bad = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            bad.add(packet("ok-" + i, T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, minute(i), i)));
        }
        bad.add(packet("ok-0", T0)); // a duplicate in the failing batch must not matter either
        // The last observation has no site: the database refuses it after everything else was sent.
        bad.add(packet("bad", T0, row("S1", "a", Interval.MINUTE, Statistic.VALUE, T0, 1),
                row(null, "a", Interval.MINUTE, Statistic.VALUE, T0, 2)));
        assertThatThrownBy(() -> store.observations().write(bad)).isInstanceOf(StoreException.class);

        assertThat(store.observations().packetCount()).isEqualTo(1);
        assertThat(store.observations().observationCount()).isEqualTo(1);

        List<PacketWrite> retry = new ArrayList<>(bad.subList(0, 201));
        List<WriteOutcome> after = store.observations().write(retry);
        assertThat(after.get(0).status()).isEqualTo(WriteOutcome.Status.STORED);
        assertThat(after.get(0).packetId()).isGreaterThan(before.get(0).packetId());
        assertThat(after.get(200)).isEqualTo(WriteOutcome.duplicate(before.get(0).packetId()));
        assertThat(store.observations().packetCount()).isEqualTo(201);
        assertThat(store.observations().observationCount()).isEqualTo(201);
    }

    @Test
    void aBatchWithAnIncompletePacketIsRejected() {
        PacketWrite noTime = new PacketWrite(new RawPacket(new byte[] {1}, null, null, "hj212", null, null, null,
                null, true), List.of());
        assertThatThrownBy(() -> store.observations().write(List.of(packet("x", T0), noTime)))
                .isInstanceOf(StoreException.class).hasMessageContaining("receivedAt");
        assertThat(store.observations().packetCount()).isZero();
    }

    @Test
    void packetBytesAndFieldsAreStoredExactly() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i; // every byte value, including 0x00, '\\', '\t', '\n' and invalid UTF-8
        }
        byte[] gbk = "##站点=测试\r\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        Instant received = Instant.parse("2024-05-01T08:09:10.123456Z");
        RawPacket p = new RawPacket(bytes, "[::1]:5\t\\N\n", received, "import:cnemc", "MN\\1", "2061",
                "QN\t1", "MN\\1|2061|QN\t1\n", false);
        RawPacket q = new RawPacket(gbk, null, received, "hj212", null, null, null, null, true);
        RawPacket empty = new RawPacket(new byte[0], null, received, "hj212", null, null, null, null, true);
        List<WriteOutcome> out = store.observations().write(List.of(
                new PacketWrite(p, List.of(new ObservationRow("S\t1", "a\\b", Interval.DAY, Statistic.COU, received,
                        -0.0001, "\\N"))),
                new PacketWrite(q, List.of()), new PacketWrite(empty, List.of())));

        StoredPacket sp = store.observations().packet(out.get(0).packetId()).orElseThrow();
        assertThat(sp.id()).isEqualTo(out.get(0).packetId());
        assertThat(sp.packet().bytes()).isEqualTo(bytes);
        assertThat(sp.packet()).usingRecursiveComparison().isEqualTo(p);
        assertThat(store.observations().packet(out.get(1).packetId()).orElseThrow().packet().bytes()).isEqualTo(gbk);
        assertThat(store.observations().packet(out.get(2).packetId()).orElseThrow().packet().bytes()).isEmpty();
        assertThat(store.observations().packet(out.get(2).packetId() + 1000)).isEmpty();

        assertThat(store.observations().query(series("S\t1", "a\\b", Interval.DAY, Statistic.COU, received,
                received.plusSeconds(1), 1))).singleElement().satisfies(o -> {
                    assertThat(o.value()).isEqualTo(-0.0001);
                    assertThat(o.flag()).isEqualTo("\\N");
                    assertThat(o.time()).isEqualTo(received);
                });
    }

    @Test
    void extremeValuesRoundTrip() {
        double[] values = {0.0, -1.5e-300, 1.7976931348623157e308, 123456789.123456789, Double.MIN_VALUE};
        List<ObservationRow> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(row("S1", "p", Interval.REALTIME, Statistic.VALUE, T0.plusSeconds(i), values[i]));
        }
        store.observations().write(List.of(packet("x", T0, rows.toArray(ObservationRow[]::new))));
        assertThat(store.observations().query(series("S1", "p", Interval.REALTIME, Statistic.VALUE, T0,
                T0.plusSeconds(60), 10))).extracting(Observation::value)
                .containsExactly(Arrays.stream(values).boxed().toArray(Double[]::new));
    }

    @Test
    void readersSeeWholeBatchesWhileTheWriterWrites() throws Exception {
        int batches = 30;
        int packetsPerBatch = 40;
        int valuesPerPacket = 5;
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        CountDownLatch started = new CountDownLatch(3);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread t = new Thread(() -> {
                started.countDown();
                long lastPackets = 0;
                try {
                    while (!done.get()) {
                        long packets = store.observations().packetCount();
                        assertThat(packets % packetsPerBatch).as("batches are atomic").isZero();
                        assertThat(packets).isGreaterThanOrEqualTo(lastPackets);
                        lastPackets = packets;
                        List<Observation> series = store.observations().query(series("S0", "p0", Interval.MINUTE,
                                Statistic.VALUE, T0, T0.plus(Duration.ofDays(1)), 10_000));
                        assertThat(series.size() % packetsPerBatch).isZero();
                        store.observations().latest("S1");
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "reader-" + r);
            t.start();
            readers.add(t);
        }
        started.await();
        long id = 0;
        for (int b = 0; b < batches; b++) {
            List<PacketWrite> batch = new ArrayList<>();
            for (int p = 0; p < packetsPerBatch; p++) {
                id++;
                ObservationRow[] rows = new ObservationRow[valuesPerPacket];
                for (int v = 0; v < valuesPerPacket; v++) {
                    rows[v] = row("S" + (v % 2), "p" + v, Interval.MINUTE, Statistic.VALUE, T0.plusSeconds(id), v);
                }
                batch.add(packet("c" + id, T0.plusSeconds(id), rows));
            }
            store.observations().write(batch);
        }
        done.set(true);
        for (Thread t : readers) {
            t.join(30_000);
        }
        assertThat(errors).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(store.observations().packetCount()).isEqualTo((long) batches * packetsPerBatch);
        assertThat(store.observations().observationCount()).isEqualTo((long) batches * packetsPerBatch * valuesPerPacket);
    }

    @Test
    void reopeningKeepsDataAndContinuesPacketIds() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "MN1", null, null)));
        List<WriteOutcome> first = store.observations().write(List.of(
                packet("r1", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE, T0, 1)),
                packet("r2", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(3600), 2))));
        reopen();

        assertThat(store.sites().byMn("MN1")).isPresent();
        assertThat(store.observations().packetCount()).isEqualTo(2);
        assertThat(store.observations().query(series("S1", "a", Interval.HOUR, Statistic.VALUE, T0,
                T0.plusSeconds(7200), 10))).extracting(Observation::value).containsExactly(1.0, 2.0);
        List<WriteOutcome> next = store.observations().write(List.of(packet("r1", T0), packet("r3", T0)));
        assertThat(next.get(0)).isEqualTo(WriteOutcome.duplicate(first.get(0).packetId()));
        assertThat(next.get(1).packetId()).isGreaterThan(first.get(1).packetId());
    }

    // ---------------------------------------------------------------- QC columns

    @Test
    void qcVerdictAndCodesRoundTrip() {
        store.observations().write(List.of(packet("qc", T0,
                new ObservationRow("S1", "a", Interval.HOUR, Statistic.VALUE, T0, 1.5, "N", false, "RANGE;SPIKE"),
                new ObservationRow("S1", "a", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(3600), 2.5, "N", true, ""),
                row("S1", "a", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(7200), 3.5))));
        List<Observation> got = store.observations().query(series("S1", "a", Interval.HOUR, Statistic.VALUE, T0,
                T0.plusSeconds(3 * 3600), 10));
        assertThat(got).extracting(Observation::valid).containsExactly(false, true, true);
        assertThat(got).extracting(Observation::qc).containsExactly("RANGE;SPIKE", null, null);
        assertThat(got.get(0).qcCodes()).containsExactly("RANGE", "SPIKE");
        assertThat(got).extracting(Observation::reviewedValid).containsOnlyNulls();
        assertThat(got).extracting(Observation::effectiveValid).containsExactly(false, true, true);
        assertThat(got.get(0).value()).isEqualTo(1.5); // the raw value is kept as sent
        assertThat(store.observations().latest("S1")).singleElement().satisfies(o -> assertThat(o.valid()).isTrue());
    }

    // ---------------------------------------------------------------- hash chain

    /** Three packets (ids in outcome order) with values of S1 parameters a and b, and a value of -0.0. */
    private List<WriteOutcome> chainFixture() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "MN1", null, null)));
        List<WriteOutcome> out = new ArrayList<>(store.observations().write(List.of(
                packet("c1", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE, T0, 1),
                        row("S1", "b", Interval.HOUR, Statistic.VALUE, T0, 10)),
                packet("c2", T0.plusSeconds(3600), row("S1", "a", Interval.HOUR, Statistic.VALUE,
                        T0.plusSeconds(3600), 2), row("S1", "b", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(3600),
                        -0.0)))));
        out.addAll(store.observations().write(List.of(packet("c3", T0.plusSeconds(7200),
                new ObservationRow("S1", "a", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(7200), 3, null, false,
                        "RANGE"), row("S1", "b", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(7200), 30)))));
        return out;
    }

    private VerifyReport assertBroken(String whatContains) {
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.BROKEN);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstProblem().orElseThrow().what()).as(r.problems().toString()).contains(whatContains);
        return r;
    }

    @Test
    void everyStoredPacketIsChainedAndVerifiesIntact() {
        assertThat(store.chain().verify().state()).isEqualTo(VerifyReport.State.EMPTY);
        List<WriteOutcome> out = chainFixture();
        store.observations().write(List.of(packet("c1", T0))); // a duplicate is not chained again
        assertThat(store.chain().size()).isEqualTo(3);
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
        assertThat(r.intact()).isTrue();
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.packets()).isEqualTo(3);
        assertThat(r.observations()).isEqualTo(6);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary()).startsWith("intact");
        assertThat(out).extracting(WriteOutcome::packetId).doesNotHaveDuplicates();
    }

    @Test
    void verifyFindsAnObservationValueChangedBySql() {
        List<WriteOutcome> out = chainFixture();
        tamper("UPDATE observations SET value = 2.5 WHERE packet_id = " + out.get(1).packetId() + " AND parameter = 'a'");
        VerifyReport r = assertBroken("observation value changed");
        assertThat(r.firstProblem().orElseThrow().id()).isEqualTo(out.get(1).packetId());
        assertThat(r.firstProblem().orElseThrow().seq()).isEqualTo(2L);
        assertThat(r.problemCount()).isEqualTo(1);
    }

    @Test
    void verifyFindsRawBytesChangedBySql() {
        List<WriteOutcome> out = chainFixture();
        tamper("UPDATE raw_packets SET bytes = (SELECT bytes FROM raw_packets WHERE id = " + out.get(0).packetId()
                + ") WHERE id = " + out.get(1).packetId());
        VerifyReport r = assertBroken("raw bytes differ");
        assertThat(r.firstProblem().orElseThrow().kind()).isEqualTo("packet");
        assertThat(r.firstProblem().orElseThrow().id()).isEqualTo(out.get(1).packetId());
    }

    @Test
    void verifyFindsADeletedPacket() {
        List<WriteOutcome> out = chainFixture();
        tamper("DELETE FROM observations WHERE packet_id = " + out.get(1).packetId(),
                "DELETE FROM raw_packets WHERE id = " + out.get(1).packetId());
        VerifyReport r = assertBroken("packet " + out.get(1).packetId() + " deleted");
        assertThat(r.firstProblem().orElseThrow().seq()).isEqualTo(2L);
    }

    /** One SQL change to a packet of the chain fixture ({@code %d}: its id) and the first problem found. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "2 | UPDATE observations SET valid = TRUE, qc = NULL WHERE packet_id = %d | observation value changed",
        "2 | UPDATE raw_packets SET crc_ok = FALSE WHERE id = %d | CRC verdict",
        "0 | DELETE FROM observations WHERE packet_id = %d AND parameter = 'b' | 1 observation(s) of packet %d deleted",
        "2 | INSERT INTO observations SELECT * FROM observations WHERE packet_id = %d AND parameter = 'a'"
                + " | 1 observation(s) inserted into packet %d",
    })
    void verifyFindsOneSqlChange(int packet, String sql, String problem) {
        long id = chainFixture().get(packet).packetId();
        tamper(sql.formatted(id));
        assertBroken(problem.formatted(id));
    }

    @Test
    void verifyFindsAPacketInsertedWithoutChainEntry() {
        List<WriteOutcome> out = chainFixture();
        long forged = out.get(2).packetId() + 100;
        tamper("INSERT INTO raw_packets (id, received_at, peer, source, mn, cn, qn, dedup_key, crc_ok, bytes)"
                + " SELECT " + forged + ", received_at, peer, source, mn, cn, qn, 'forged', crc_ok, bytes"
                + " FROM raw_packets WHERE id = " + out.get(0).packetId(),
                "INSERT INTO observations SELECT site_code, parameter, \"interval\", statistic, \"time\", 99,"
                        + " flag, received_at, " + forged + ", valid, qc FROM observations WHERE packet_id = "
                        + out.get(0).packetId());
        VerifyReport r = assertBroken("unchained packet id " + forged);
        assertThat(r.firstProblem().orElseThrow().seq()).isNull();
        assertThat(r.problemCount()).isEqualTo(1);
    }

    @Test
    void verifyFindsADeletedChainEntry() {
        chainFixture();
        tamper("DELETE FROM chain WHERE seq = 2");
        VerifyReport r = assertBroken("chain entries seq 2 deleted");
        assertThat(r.problems()).extracting(VerifyReport.Problem::what).anySatisfy(w -> assertThat(w)
                .contains("unchained packet"));
    }

    @Test
    void reviewsAreChainedAndAlteredOrDeletedReviewsAreFound() {
        chainFixture();
        Review review = store.reviews().record(new ReviewRequest("S1", "a", Interval.HOUR, T0, T0.plusSeconds(3600),
                ReviewDecision.INVALID, "calibration", "张三"));
        assertThat(review.chainSeq()).isEqualTo(4);
        VerifyReport ok = store.chain().verify();
        assertThat(ok.state()).as(ok.summary()).isEqualTo(VerifyReport.State.INTACT);
        assertThat(ok.reviews()).isEqualTo(1);
        assertThat(ok.records()).isEqualTo(4);

        tamper("UPDATE reviews SET reason = 'nothing to see'");
        VerifyReport r = assertBroken("review " + review.id() + " altered");
        assertThat(r.firstProblem().orElseThrow().seq()).isEqualTo(4L);
        tamper("DELETE FROM reviews");
        assertBroken("review " + review.id() + " deleted");
    }

    @Test
    void auditRecordsAreChainedAndAlteredOrDeletedRecordsAreFound() {
        chainFixture();
        AuditRecord first = store.audit().append(new AuditRecord(0, T0, "op-bj", "POST /api/v1/sites/{code}/reviews",
                "/api/v1/sites/S1/reviews", "127.0.0.1", "201"));
        AuditRecord second = store.audit().append(new AuditRecord(0, T0.plusSeconds(1), "anonymous",
                "login.failure", "/login", "127.0.0.1", "failed"));
        VerifyReport ok = store.chain().verify();
        assertThat(ok.state()).as(ok.summary()).isEqualTo(VerifyReport.State.INTACT);
        assertThat(ok.records()).isEqualTo(5);

        tamper("UPDATE audit_log SET actor = 'someone else' WHERE id = " + first.id());
        VerifyReport r = assertBroken("audit record " + first.id() + " altered");
        assertThat(r.firstProblem().orElseThrow().seq()).isEqualTo(4L);
        tamper("DELETE FROM audit_log WHERE id = " + second.id());
        assertThat(store.chain().verify().problems()).anyMatch(p -> p.what().equals("audit record " + second.id()
                + " deleted"));
    }

    // ---------------------------------------------------------------- retroactive QC flags

    /** S1 a = 7.0 for hours 0..3; the packet of hour 3 completes the run and flags hours 0..2 (b and MAX untouched). */
    private List<WriteOutcome> stuckRunFixture() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "MN1", null, null)));
        List<PacketWrite> batch = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            batch.add(packet("r" + h, hour(h + 1), row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(h), 7),
                    row("S1", "a", Interval.HOUR, Statistic.MAX, hour(h), 7),
                    row("S1", "b", Interval.HOUR, Statistic.VALUE, hour(h), h)));
        }
        store.observations().write(batch);
        PacketWrite fourth = packet("r3", hour(4), row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(3), 7)
                .withQc(false, List.of("CONSTANT")));
        return store.observations().write(List.of(new PacketWrite(fourth.packet(), fourth.observations(),
                List.of(QcFlag.of("S1", "a", Interval.HOUR, hour(0), hour(3), "CONSTANT", 4, 7.0)))));
    }

    @Test
    void aRetroactiveQcFlagMakesTheValuesOfTheRunInvalidInEveryReadWithoutChangingThem() {
        List<WriteOutcome> out = stuckRunFixture();
        List<Observation> a = store.observations().query(series("S1", "a", Interval.HOUR, Statistic.VALUE, T0,
                hour(9), 10));
        assertThat(a).extracting(Observation::value).containsExactly(7.0, 7.0, 7.0, 7.0);
        assertThat(a).extracting(Observation::valid).containsExactly(false, false, false, false);
        assertThat(a).extracting(Observation::qc).containsExactly("CONSTANT", "CONSTANT", "CONSTANT", "CONSTANT");
        assertThat(store.observations().query(series("S1", "a", Interval.HOUR, Statistic.MAX, T0, hour(9), 10)))
                .extracting(Observation::valid).containsOnly(true);
        assertThat(store.observations().query(series("S1", "b", Interval.HOUR, Statistic.VALUE, T0, hour(9), 10)))
                .extracting(Observation::valid).containsOnly(true);

        List<QcFlag> flags = store.quality().qcFlags("S1", null, null);
        assertThat(flags).hasSize(1);
        QcFlag f = flags.get(0);
        assertThat(f.from()).isEqualTo(hour(0));
        assertThat(f.to()).isEqualTo(hour(3));
        assertThat(f.runLength()).isEqualTo(4);
        assertThat(f.runValue()).isEqualTo(7.0);
        assertThat(f.code()).isEqualTo("CONSTANT");
        assertThat(f.packetId()).isEqualTo(out.get(0).packetId());
        assertThat(f.chainSeq()).isEqualTo(5); // after the four packets
        assertThat(store.quality().qcFlags("S1", hour(3), hour(9))).isEmpty();

        List<String> got = new ArrayList<>();
        store.observations().hourlyValues(new HourlyValuesQuery(List.of("S1"), List.of("a", "b"), hour(0), hour(9)),
                (site, parameter, epochSecond, value, valid) -> got.add(parameter + ":" + valid));
        assertThat(got).containsExactly("0:false", "0:false", "0:false", "0:false", "1:true", "1:true", "1:true");
        CompletenessQuery q = new CompletenessQuery(List.of("S1"), List.of("a"), Interval.HOUR,
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), ZoneOffset.UTC);
        assertThat(store.quality().daily(q)).containsExactly(
                new Completeness("S1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), 24, 4, 0));

        // a review still decides over the automatic verdict
        store.reviews().record(new ReviewRequest("S1", "a", Interval.HOUR, hour(0), hour(1), ReviewDecision.VALID,
                "checked on site", "op"));
        assertThat(store.observations().query(series("S1", "a", Interval.HOUR, Statistic.VALUE, T0, hour(9), 10)))
                .extracting(Observation::effectiveValid).containsExactly(true, false, false, false);
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
    }

    @Test
    void aQcFlagCarriedByARedeliveredPacketIsNotStoredAgain() {
        stuckRunFixture();
        PacketWrite again = packet("r3", hour(5), row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(3), 7));
        assertThat(store.observations().write(List.of(new PacketWrite(again.packet(), again.observations(),
                List.of(QcFlag.of("S1", "a", Interval.HOUR, hour(0), hour(3), "CONSTANT", 4, 7.0))))).get(0)
                .status()).isEqualTo(WriteOutcome.Status.DUPLICATE);
        assertThat(store.quality().qcFlags("S1", null, null)).hasSize(1);
    }

    @Test
    void qcFlagsAreChainedAndAlteredOrDeletedFlagsAreFound() {
        stuckRunFixture();
        QcFlag f = store.quality().qcFlags("S1", null, null).get(0);
        tamper("UPDATE qc_flags SET run_length = 2");
        VerifyReport r = assertBroken("QC flag " + f.id() + " altered");
        assertThat(r.firstProblem().orElseThrow().seq()).isEqualTo(f.chainSeq());
        tamper("DELETE FROM qc_flags");
        assertBroken("QC flag " + f.id() + " deleted");
    }

    @Test
    void aStoreWithDataButNoChainSaysItWasNeverChained() {
        chainFixture();
        // as if the data had been stored before the chain existed (schema V1)
        tamper("DELETE FROM chain", "DELETE FROM chain_checkpoints", "UPDATE chain_head SET seq = 0,"
                + " chain_hash = NULL, chained_at = NULL, open_first_seq = 1, open_count = 0, open_period = NULL,"
                + " open_peaks = NULL, first_chained_packet_id = (SELECT coalesce(max(id), 0) + 1 FROM raw_packets)");
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).isEqualTo(VerifyReport.State.NEVER_CHAINED);
        assertThat(r.packets()).isEqualTo(3);
        assertThat(r.observations()).isEqualTo(6);
        assertThat(r.summary()).startsWith("never chained");

        // new data is chained from then on; the older packets are reported as not covered
        store.observations().write(List.of(packet("new", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE,
                T0.plusSeconds(9000), 1))));
        VerifyReport after = store.chain().verify();
        assertThat(after.state()).as(after.summary()).isEqualTo(VerifyReport.State.INTACT);
        assertThat(after.legacyPackets()).isEqualTo(3);
        assertThat(after.records()).isEqualTo(1);
    }

    @Test
    void deletingTheWholeChainIsNotMistakenForOlderData() {
        List<WriteOutcome> out = chainFixture();
        tamper("DELETE FROM chain");
        VerifyReport r = assertBroken("");
        assertThat(r.problems()).extracting(VerifyReport.Problem::what)
                .anySatisfy(w -> assertThat(w).contains("unchained packet id " + out.get(0).packetId()))
                .anySatisfy(w -> assertThat(w).contains("chain head is at seq 3"));
    }

    @Test
    void checkpointsSealHourlyAndOnRequestAndAreVerified() {
        chainFixture();
        Checkpoint first = store.chain().sealCheckpoint().orElseThrow();
        assertThat(first.firstSeq()).isEqualTo(1);
        assertThat(first.lastSeq()).isEqualTo(3);
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.merkleRoot()).hasSize(64);
        assertThat(store.chain().sealCheckpoint()).isEmpty();
        // the next entries are chained in a later hour than the open checkpoint's: it is sealed automatically
        store.observations().write(List.of(packet("h1", T0), packet("h2", T0)));
        tamper("UPDATE chain_head SET chained_at = chained_at - INTERVAL '2 hours',"
                + " open_period = open_period - INTERVAL '2 hours'");
        store.observations().write(List.of(packet("h3", T0)));
        List<Checkpoint> all = store.chain().checkpoints(null, null);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).firstSeq()).isEqualTo(4);
        assertThat(all.get(1).lastSeq()).isEqualTo(5);
        assertThat(all.get(1).periodEnd()).isEqualTo(all.get(1).periodStart().plusSeconds(3600));
        // the second checkpoint's period is two hours before the first's (the head was moved back)
        assertThat(store.chain().checkpoints(null, all.get(0).periodStart())).containsExactly(all.get(1));
        VerifyReport ok = store.chain().verify();
        assertThat(ok.state()).as(ok.summary()).isEqualTo(VerifyReport.State.INTACT);

        tamper("DELETE FROM chain_checkpoints WHERE first_seq = 4",
                "INSERT INTO chain_checkpoints SELECT 4, 5, 2, period_start, period_end, last_chain_hash,"
                        + " last_chain_hash, sealed_at FROM chain_checkpoints WHERE first_seq = 1");
        assertBroken("Merkle root differs");
    }

    // ---------------------------------------------------------------- crash in the middle

    @Test
    void aBatchFailingAfterThePacketInsertLeavesNeitherPacketNorChainEntry() {
        chainFixture();
        for (String stage : List.of(FailPoints.AFTER_PACKETS, FailPoints.BEFORE_COMMIT)) {
            FailPoints.set(s -> {
                if (s.equals(stage)) {
                    throw new IllegalStateException("simulated crash at " + s);
                }
            });
            try {
                assertThatThrownBy(() -> store.observations().write(List.of(packet("lost-" + stage, T0,
                        row("S1", "a", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(36000), 1)))))
                        .hasMessageContaining("simulated crash");
            } finally {
                FailPoints.set(null);
            }
            assertThat(store.observations().packetCount()).isEqualTo(3);
            assertThat(store.observations().observationCount()).isEqualTo(6);
            assertThat(store.chain().size()).isEqualTo(3);
        }
        FailPoints.set(s -> {
            if (s.equals(FailPoints.BEFORE_COMMIT)) {
                throw new IllegalStateException("simulated crash in review");
            }
        });
        try {
            assertThatThrownBy(() -> store.reviews().record(new ReviewRequest("S1", null, null, T0,
                    T0.plusSeconds(60), ReviewDecision.INVALID, "r", "op"))).hasMessageContaining("simulated");
        } finally {
            FailPoints.set(null);
        }
        assertThat(store.reviews().all()).isEmpty();
        // the chain continues from the last committed entry
        List<WriteOutcome> next = store.observations().write(List.of(packet("after", T0)));
        assertThat(next.get(0).status()).isEqualTo(WriteOutcome.Status.STORED);
        assertThat(store.chain().size()).isEqualTo(4);
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
        assertThat(r.records()).isEqualTo(4);
    }

    @Test
    void afterReopeningTheChainContinuesFromTheStoredHead() {
        List<WriteOutcome> before = chainFixture();
        store.chain().sealCheckpoint();
        FailPoints.set(s -> {
            throw new IllegalStateException("crash");
        });
        try {
            assertThatThrownBy(() -> store.observations().write(List.of(packet("lost", T0))));
        } finally {
            FailPoints.set(null);
        }
        reopen();
        List<WriteOutcome> after = store.observations().write(List.of(packet("r1", T0), packet("lost", T0)));
        assertThat(after.get(0).packetId()).isGreaterThan(before.get(2).packetId());
        assertThat(after.get(1).status()).isEqualTo(WriteOutcome.Status.STORED);
        store.reviews().record(new ReviewRequest("S1", null, null, T0, T0.plusSeconds(60), ReviewDecision.INVALID,
                "r", "op"));
        assertThat(store.chain().size()).isEqualTo(6);
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
        assertThat(r.records()).isEqualTo(6);
        assertThat(store.chain().checkpoints(null, null)).hasSize(1);
    }

    // ---------------------------------------------------------------- reviews

    private static ReviewRequest review(String parameter, Instant from, Instant to, ReviewDecision d) {
        return new ReviewRequest("S1", parameter, Interval.HOUR, from, to, d, "reason", "李四");
    }

    private static Instant hour(int n) {
        return T0.plus(Duration.ofHours(n));
    }

    @Test
    void reviewRequestsAreValidated() {
        chainFixture();
        assertThatThrownBy(() -> store.reviews().record(new ReviewRequest("S1", "a", Interval.HOUR, T0, hour(1),
                ReviewDecision.INVALID, " ", "op"))).isInstanceOfSatisfying(ReviewRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRejectedException.Reason.INVALID))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> store.reviews().record(new ReviewRequest("S1", "a", Interval.HOUR, T0, hour(1),
                ReviewDecision.INVALID, "r", null))).hasMessageContaining("operator");
        assertThatThrownBy(() -> store.reviews().record(review("a", hour(1), hour(1), ReviewDecision.INVALID)))
                .isInstanceOfSatisfying(ReviewRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRejectedException.Reason.INVALID));
        assertThatThrownBy(() -> store.reviews().record(new ReviewRequest("S9", null, null, T0, hour(1),
                ReviewDecision.INVALID, "r", "op"))).isInstanceOfSatisfying(ReviewRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRejectedException.Reason.NOT_FOUND))
                .hasMessageContaining("S9");
        assertThatThrownBy(() -> store.reviews().record(review("a", hour(10), hour(20), ReviewDecision.INVALID)))
                .isInstanceOfSatisfying(ReviewRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRejectedException.Reason.NOT_FOUND))
                .hasMessageContaining("no values");
        assertThatThrownBy(() -> store.reviews().record(review("zz", T0, hour(3), ReviewDecision.INVALID)))
                .isInstanceOf(ReviewRejectedException.class);

        store.reviews().record(review("a", T0, hour(2), ReviewDecision.INVALID));
        assertThatThrownBy(() -> store.reviews().record(review("a", hour(1), hour(3), ReviewDecision.INVALID)))
                .isInstanceOfSatisfying(ReviewRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRejectedException.Reason.CONFLICT))
                .hasMessageContaining("overlaps review #1");
        // not overlapping, another scope, or a reversal: accepted
        store.reviews().record(review("a", hour(2), hour(3), ReviewDecision.INVALID));
        store.reviews().record(review("b", hour(1), hour(3), ReviewDecision.INVALID));
        store.reviews().record(review("a", hour(1), hour(2), ReviewDecision.VALID));
        // after the reversal, [1h, 2h) may be invalidated again, [0, 1h) still may not
        store.reviews().record(review("a", hour(1), hour(2), ReviewDecision.INVALID));
        assertThatThrownBy(() -> store.reviews().record(review("a", T0, hour(1), ReviewDecision.INVALID)))
                .isInstanceOf(ReviewRejectedException.class);
        assertThat(store.reviews().all()).hasSize(5);
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
    }

    @Test
    void reviewHistoryRoundTripsAndReadsShowTheReviewedState() {
        chainFixture();
        Instant decided = Instant.parse("2024-05-02T01:02:03.456789Z");
        Review invalid = store.reviews().record(new ReviewRequest("S1", null, null, T0, hour(2),
                ReviewDecision.INVALID, "停电 power cut", "王五", "user-42", decided));
        Review valid = store.reviews().record(review("b", hour(1), hour(2), ReviewDecision.VALID));
        Review qcOverride = store.reviews().record(review("a", hour(2), hour(3), ReviewDecision.VALID));

        List<Review> history = store.reviews().reviews("S1", null, null);
        assertThat(history).containsExactly(invalid, valid, qcOverride);
        assertThat(history.get(0)).isEqualTo(new Review(invalid.id(), "S1", null, null, T0, hour(2),
                ReviewDecision.INVALID, "停电 power cut", "王五", "user-42", decided, invalid.chainSeq()));
        assertThat(store.reviews().reviews("S1", hour(2), hour(5))).containsExactly(qcOverride);
        assertThat(store.reviews().reviews("S2", null, null)).isEmpty();

        List<Observation> a = store.observations().query(series("S1", "a", Interval.HOUR, Statistic.VALUE, T0,
                hour(3), 10));
        assertThat(a).extracting(Observation::reviewedValid).containsExactly(false, false, true);
        assertThat(a).extracting(Observation::valid).containsExactly(true, true, false); // QC verdict unchanged
        assertThat(a).extracting(Observation::effectiveValid).containsExactly(false, false, true);
        assertThat(a).extracting(Observation::value).containsExactly(1.0, 2.0, 3.0); // raw values unchanged
        List<Observation> b = store.observations().query(series("S1", "b", Interval.HOUR, Statistic.VALUE, T0,
                hour(3), 10));
        assertThat(b).extracting(Observation::reviewedValid).containsExactly(false, true, null);
        assertThat(store.observations().latest("S1")).extracting(Observation::reviewedValid)
                .containsExactly(true, null);
        VerifyReport r = store.chain().verify();
        assertThat(r.state()).as(r.summary()).isEqualTo(VerifyReport.State.INTACT);
    }

    // ---------------------------------------------------------------- KPIs

    @Test
    void completenessAndOnlineStateOnAHandMadeDataSet() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "MN1", null, null),
                site("S2", Medium.AIR, "MN2", null, null)));
        Instant day = LocalDate.of(2024, 5, 1).atStartOfDay(CompletenessQuery.CHINA).toInstant();
        List<PacketWrite> batch = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            List<ObservationRow> rows = new ArrayList<>();
            rows.add(row("S1", "a", Interval.HOUR, Statistic.VALUE, day.plus(Duration.ofHours(h)), h));
            rows.add(row("S1", "a", Interval.HOUR, Statistic.MAX, day.plus(Duration.ofHours(h)), h)); // not VALUE
            rows.add(row("S1", "c", Interval.HOUR, Statistic.VALUE, day.plus(Duration.ofHours(h)), h)); // not asked
            if (h < 12) {
                rows.add(new ObservationRow("S1", "b", Interval.HOUR, Statistic.VALUE, day.plus(Duration.ofHours(h)),
                        h, "N", h != 3 && h != 4, h == 3 || h == 4 ? "RANGE" : null));
            }
            batch.add(packet("k" + h, day.plus(Duration.ofHours(h + 1)), rows.toArray(ObservationRow[]::new)));
        }
        // a redelivered value of b at hour 5 (counted once) and a minute value (another interval)
        batch.add(packet("again", day.plus(Duration.ofHours(13)),
                row("S1", "b", Interval.HOUR, Statistic.VALUE, day.plus(Duration.ofHours(5)), 5),
                row("S1", "a", Interval.MINUTE, Statistic.VALUE, day, 5)));
        // next day: one value of a
        Instant lastReceived = day.plus(Duration.ofHours(30));
        batch.add(packet("next", lastReceived, row("S1", "a", Interval.HOUR, Statistic.VALUE,
                day.plus(Duration.ofHours(25)), 1)));
        store.observations().write(batch);
        // reviewed: a hours 0-3 invalid; b hour 3 (QC-invalid) valid
        store.reviews().record(new ReviewRequest("S1", "a", Interval.HOUR, day, day.plus(Duration.ofHours(4)),
                ReviewDecision.INVALID, "maintenance", "op"));
        store.reviews().record(new ReviewRequest("S1", "b", null, day.plus(Duration.ofHours(3)),
                day.plus(Duration.ofHours(4)), ReviewDecision.VALID, "checked", "op"));

        CompletenessQuery q = CompletenessQuery.hourly(null, List.of("a", "b"), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 3));
        List<Completeness> daily = store.quality().daily(q);
        assertThat(daily).containsExactly(
                new Completeness("S1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), 48, 36, 31),
                new Completeness("S1", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 3), 48, 1, 1),
                new Completeness("S2", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), 48, 0, 0),
                new Completeness("S2", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 3), 48, 0, 0));
        assertThat(daily.get(0).captureRate()).isEqualTo(0.75);
        assertThat(daily.get(0).validRate()).isEqualTo(31 / 48.0);
        assertThat(store.quality().monthly(q)).containsExactly(
                new Completeness("S1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 3), 96, 37, 32),
                new Completeness("S2", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 3), 96, 0, 0));
        assertThat(store.quality().daily(new CompletenessQuery(List.of("S2"), List.of("a"), Interval.DAY,
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), ZoneOffset.UTC))).containsExactly(
                new Completeness("S2", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), 1, 0, 0));

        List<SiteStatus> status = store.quality().status(lastReceived.plusSeconds(600), Duration.ofMinutes(15));
        assertThat(status).containsExactly(new SiteStatus("S1", lastReceived, true), new SiteStatus("S2", null, false));
        assertThat(store.quality().status(lastReceived.plusSeconds(3600), Duration.ofMinutes(15)).get(0).online())
                .isFalse();
    }

    private static List<String> codes(List<Site> sites) {
        return sites.stream().map(Site::code).toList();
    }

    // ---------------------------------------------------------------- bulk hourly read (evaluation)

    @Test
    void hourlyValuesStreamTheLatestCopyOfEachHourWithReviewsAppliedInTheOrderAsked() {
        store.sites().upsert(List.of(site("S1", Medium.AIR, "M1", null, null), site("S2", Medium.AIR, "M2", null, null),
                site("S3", Medium.AIR, "M3", null, null)));
        store.observations().write(List.of(
                packet("h1", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(0), 10),
                        row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(1), 11),
                        row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(2), 12).withQc(false, List.of("RANGE")),
                        row("S1", "b", Interval.HOUR, Statistic.VALUE, hour(1), 21),
                        row("S1", "a", Interval.HOUR, Statistic.MAX, hour(1), 99),
                        row("S1", "a", Interval.DAY, Statistic.VALUE, hour(0), 98),
                        row("S1", "zz", Interval.HOUR, Statistic.VALUE, hour(0), 97),
                        row("S2", "a", Interval.HOUR, Statistic.VALUE, hour(0), 30),
                        row("S2", "a", Interval.HOUR, Statistic.VALUE, hour(5), 35),
                        row("S2", "a", Interval.DAY, Statistic.VALUE, hour(0), 33),
                        row("S3", "a", Interval.HOUR, Statistic.VALUE, hour(0), 96)),
                // a later copy of S1 a hour 1 wins; a value outside [from, to) is left out
                packet("h2", T0.plusSeconds(60), row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(1), 111),
                        row("S1", "a", Interval.HOUR, Statistic.VALUE, hour(9), 19))));
        store.reviews().record(review("a", hour(0), hour(1), ReviewDecision.INVALID));
        store.reviews().record(review(null, hour(2), hour(3), ReviewDecision.VALID));
        store.reviews().record(new ReviewRequest("S2", null, Interval.DAY, hour(0), hour(24), ReviewDecision.INVALID,
                "day values only", "op"));
        HourlyValuesQuery q = new HourlyValuesQuery(List.of("S2", "S1", "S9"), List.of("a", "b"), hour(0), hour(9));
        List<String> got = new ArrayList<>();
        store.observations().hourlyValues(q, (site, parameter, epochSecond, value, valid) -> got.add(
                q.siteCodes().get(site) + " " + q.parameters().get(parameter) + " "
                        + (epochSecond - T0.getEpochSecond()) / 3600 + " " + value + " " + valid));
        assertThat(got).containsExactly(
                "S2 a 0 30.0 true", "S2 a 5 35.0 true",
                "S1 a 0 10.0 false", "S1 a 1 111.0 true", "S1 a 2 12.0 true", "S1 b 1 21.0 true");
        // the same as query() per site and parameter
        List<String> viaQuery = new ArrayList<>();
        for (String s : q.siteCodes()) {
            for (String p : q.parameters()) {
                for (Observation o : store.observations().query(series(s, p, Interval.HOUR, Statistic.VALUE, hour(0),
                        hour(9), 1000))) {
                    viaQuery.add(s + " " + p + " " + (o.time().getEpochSecond() - T0.getEpochSecond()) / 3600 + " "
                            + o.value() + " " + o.effectiveValid());
                }
            }
        }
        assertThat(got).isEqualTo(viaQuery);
        List<String> none = new ArrayList<>();
        store.observations().hourlyValues(new HourlyValuesQuery(List.of(), List.of("a"), hour(0), hour(9)),
                (s, p, t, v, ok) -> none.add("x"));
        assertThat(none).isEmpty();
    }

    /** Registers {@code n} air sites {@code X0000, X0001, ...} (MN {@code XM0, XM1, ...}) and returns their codes. */
    private List<String> airSites(char letter, int n) {
        List<String> codes = new ArrayList<>();
        List<Site> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(String.format("%c%04d", letter, i));
            list.add(site(codes.get(i), Medium.AIR, letter + "M" + i, null, null));
        }
        store.sites().upsert(list);
        return codes;
    }

    @Test
    void hourlyValuesAgreeWithQueryForSameReceivedCopiesOffGridTimesAndManySites() {
        int sites = 140; // more than one chunk of the DuckDB reader
        List<String> codes = airSites('G', sites);
        List<ObservationRow> first = new ArrayList<>();
        List<ObservationRow> second = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            for (int h = 0; h < 4; h++) {
                first.add(row(codes.get(i), "a", Interval.HOUR, Statistic.VALUE, hour(h), 100 * i + h)
                        .withQc(h != 2, List.of()));
                first.add(row(codes.get(i), "b", Interval.HOUR, Statistic.VALUE, hour(h), -h));
            }
            if (i % 3 == 0) { // a second copy received at the same instant: the later packet wins
                second.add(row(codes.get(i), "a", Interval.HOUR, Statistic.VALUE, hour(1), 7000 + i)
                        .withQc(false, List.of("RANGE")));
            }
        }
        // one value off the hour grid (at half past), for a site in the second chunk
        second.add(row(codes.get(sites - 2), "b", Interval.HOUR, Statistic.VALUE, hour(2).plusSeconds(1800), 55));
        store.observations().write(List.of(packet("g1", T0, first.toArray(ObservationRow[]::new))));
        store.observations().write(List.of(packet("g2", T0, second.toArray(ObservationRow[]::new))));
        store.reviews().record(new ReviewRequest(codes.get(sites - 1), "b", Interval.HOUR, hour(1), hour(3),
                ReviewDecision.INVALID, "drift", "op"));
        store.reviews().record(new ReviewRequest(codes.get(0), null, null, hour(2), hour(3), ReviewDecision.VALID,
                "checked", "op"));
        List<String> order = new ArrayList<>(codes);
        java.util.Collections.reverse(order);
        for (Instant from : List.of(hour(0), hour(0).plusSeconds(1800), hour(1))) {
            HourlyValuesQuery q = new HourlyValuesQuery(order, List.of("b", "a"), from, hour(4));
            List<String> got = new ArrayList<>();
            store.observations().hourlyValues(q, (site, parameter, epochSecond, value, valid) -> got.add(
                    q.siteCodes().get(site) + " " + q.parameters().get(parameter) + " " + epochSecond + " " + value
                            + " " + valid));
            List<String> viaQuery = new ArrayList<>();
            for (String s : q.siteCodes()) {
                for (String p : q.parameters()) {
                    for (Observation o : store.observations().query(series(s, p, Interval.HOUR, Statistic.VALUE,
                            from, hour(4), 1000))) {
                        viaQuery.add(s + " " + p + " " + o.time().getEpochSecond() + " " + o.value() + " "
                                + o.effectiveValid());
                    }
                }
            }
            assertThat(got).as("from %s", from).isEqualTo(viaQuery);
        }
    }

    @Test
    void hourlyValuesReadManySitesQuickly() {
        int sites = 300;
        int hours = 24 * 31;
        List<String> codes = airSites('H', sites);
        List<PacketWrite> batch = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            ObservationRow[] rows = new ObservationRow[sites * 2];
            for (int i = 0; i < sites; i++) {
                rows[2 * i] = row(codes.get(i), "a", Interval.HOUR, Statistic.VALUE, hour(h), h % 100 + i);
                rows[2 * i + 1] = row(codes.get(i), "b", Interval.HOUR, Statistic.VALUE, hour(h), 1.5);
            }
            batch.add(packet("bulk" + h, T0, rows));
        }
        store.observations().write(batch);
        long[] n = new long[1];
        long[] sum = new long[1];
        int[] lastSite = {-1};
        boolean[] ordered = {true};
        long start = System.nanoTime();
        store.observations().hourlyValues(new HourlyValuesQuery(codes, List.of("a", "b"), hour(0), hour(hours)),
                (s, p, t, v, ok) -> {
                    n[0]++;
                    if (p == 0) {
                        sum[0] += (long) v;
                    }
                    ordered[0] &= s >= lastSite[0];
                    lastSite[0] = s;
                });
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[%s] hourly bulk read of %d values: %d ms%n", store.engine(), n[0], ms);
        assertThat(n[0]).isEqualTo(2L * sites * hours);
        assertThat(ordered[0]).isTrue();
        long expected = 0;
        for (int i = 0; i < sites; i++) {
            for (int h = 0; h < hours; h++) {
                expected += h % 100 + i;
            }
        }
        assertThat(sum[0]).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- derived air data

    /** 2024-05-01 00:00 Beijing time: derived hours are kept per Beijing day. */
    private static final Instant BJ0 = Instant.parse("2024-04-30T16:00:00Z");

    private static Instant bj(int h) {
        return BJ0.plusSeconds(3600L * h);
    }

    private static DerivedStore.Hour dh(DerivedStore.Scope scope, String code, int h, int aqi, long pm25) {
        return new DerivedStore.Hour(scope, code, bj(h), aqi, aqi > 50 ? 8 : 0, 1,
                new long[] {5_000, -1, 60_000, pm25, 800, 90_000, aqi > 100 ? 110_000 : -1});
    }

    private static DerivedStore.Day dd(String code, LocalDate day, int aqi) {
        return new DerivedStore.Day(DerivedStore.Scope.CITY, code, day, aqi, aqi > 50 ? 40 : 0, 3,
                new long[] {5_000, 30_000, 60_000, 40_000, 800, 120_000, -1}, new int[] {24, 23, 20, 24, 0, 24}, 17);
    }

    @Test
    void derivedRowsAreReplacedRangeByRangeAndReadBack() {
        DerivedStore d = store.derived();
        DerivedStore.Scope st = DerivedStore.Scope.STATION;
        LocalDate day = LocalDate.of(2024, 5, 1);
        List<DerivedStore.Hour> first = List.of(dh(st, "A", 0, 40, 20_000), dh(st, "A", 1, 120, 90_000),
                dh(st, "A", 2, -1, -1), dh(st, "B", 0, 60, 45_000));
        d.replace(List.of(
                new DerivedStore.Replacement(st, "A", bj(0), bj(24), first.subList(0, 3), null, null, null),
                new DerivedStore.Replacement(st, "B", bj(0), bj(24), first.subList(3, 4), null, null, null),
                new DerivedStore.Replacement(DerivedStore.Scope.CITY, "武汉市", null, null, null, day,
                        day.plusDays(1), List.of(dd("武汉市", day, 75), dd("武汉市", day.plusDays(1), 30)))));
        assertThat(DerivedStoreReads.hours(d, st, null, BJ0, bj(24))).containsExactlyElementsOf(first);
        assertThat(DerivedStoreReads.hours(d, st, List.of("B"), BJ0, bj(24))).containsExactly(first.get(3));
        assertThat(DerivedStoreReads.days(d, DerivedStore.Scope.CITY, null, day, day.plusDays(5)))
                .containsExactly(dd("武汉市", day, 75), dd("武汉市", day.plusDays(1), 30));
        assertThat(DerivedStoreReads.days(d, st, null, day, day)).isEmpty();

        // Recompute A's day with hour 1 changed: station B stays as it was.
        DerivedStore.Hour changed = dh(st, "A", 1, 45, 30_000);
        d.replace(List.of(new DerivedStore.Replacement(st, "A", bj(0), bj(24), List.of(first.get(0), changed,
                first.get(2)), null, null, null)));
        assertThat(DerivedStoreReads.hours(d, st, null, BJ0, bj(24)))
                .containsExactly(first.get(0), changed, first.get(2), first.get(3));
        // An empty replacement deletes the range.
        d.replace(List.of(new DerivedStore.Replacement(DerivedStore.Scope.CITY, "武汉市", null, null, null,
                day.plusDays(1), day.plusDays(1), null)));
        assertThat(DerivedStoreReads.days(d, DerivedStore.Scope.CITY, List.of("武汉市"), day, day.plusDays(5)))
                .containsExactly(dd("武汉市", day, 75));
        assertThat(d.count(st)).containsExactly(2, 0); // two station-days of hourly slots
        assertThat(d.count(DerivedStore.Scope.CITY)).containsExactly(0, 1);
    }

    @Test
    void aBulkRebuildDeletesTheWholeRangeOnceAndCommitsAtOnce() {
        DerivedStore d = store.derived();
        DerivedStore.Scope st = DerivedStore.Scope.STATION;
        LocalDate day = LocalDate.of(2024, 5, 1);
        d.replace(List.of(new DerivedStore.Replacement(st, "OLD", bj(0), bj(48), List.of(dh(st, "OLD", 3, 70, 1),
                dh(st, "OLD", 30, 70, 1)), null, null, null)));
        try (DerivedStore.BulkReplace bulk = d.replaceAll(bj(0), bj(24), day, day)) {
            bulk.add(List.of(new DerivedStore.Replacement(st, "A", bj(0), bj(24), List.of(dh(st, "A", 1, 40, 2)),
                    day, day, List.of())));
            // not visible before commit
            assertThat(DerivedStoreReads.hours(d, st, List.of("A"), BJ0, bj(24))).isEmpty();
            assertThatThrownBy(() -> bulk.add(List.of(new DerivedStore.Replacement(st, "A", bj(0), bj(48),
                    List.of(), null, null, null)))).isInstanceOf(IllegalArgumentException.class);
            bulk.commit();
        }
        // OLD's hour 3 (inside the range) is gone, hour 30 (outside) stays.
        assertThat(DerivedStoreReads.hours(d, st, null, BJ0, bj(48))).containsExactly(dh(st, "A", 1, 40, 2),
                dh(st, "OLD", 30, 70, 1));
        // Without commit: rolled back.
        try (DerivedStore.BulkReplace bulk = d.replaceAll(bj(0), bj(48), day, day)) {
            bulk.add(List.of());
        }
        assertThat(DerivedStoreReads.hours(d, st, null, BJ0, bj(48))).hasSize(2);
        // A later plain replace is not blocked.
        d.replace(List.of(new DerivedStore.Replacement(st, "A", bj(0), bj(24), List.of(), null, null, null)));
        assertThat(DerivedStoreReads.hours(d, st, null, BJ0, bj(48))).containsExactly(dh(st, "OLD", 30, 70, 1));
    }

    @Test
    void derivedHourRangesAreWholeBeijingDays() {
        assertThatThrownBy(() -> new DerivedStore.Replacement(DerivedStore.Scope.STATION, "A", bj(1), bj(24),
                List.of(), null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "midnight");
        assertThatThrownBy(() -> store.derived().replaceAll(T0, bj(24), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedReplacementRejectsRowsOutsideItsRange() {
        assertThatThrownBy(() -> new DerivedStore.Replacement(DerivedStore.Scope.STATION, "A", bj(1), bj(2),
                List.of(dh(DerivedStore.Scope.STATION, "A", 0, 40, 1)), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DerivedStore.Replacement(DerivedStore.Scope.STATION, "A", bj(0), bj(120),
                List.of(dh(DerivedStore.Scope.STATION, "B", 0, 40, 1)), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyCodesAreReadInChunks() {
        DerivedStore d = store.derived();
        List<DerivedStore.Replacement> batch = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String code = String.format("S%04d", i);
            codes.add(code);
            batch.add(new DerivedStore.Replacement(DerivedStore.Scope.STATION, code, bj(0), bj(24),
                    List.of(dh(DerivedStore.Scope.STATION, code, 0, i % 300, i)), null, null, null));
        }
        d.replace(batch);
        List<DerivedStore.Hour> read = DerivedStoreReads.hours(d, DerivedStore.Scope.STATION, codes.subList(100, 1_150),
                BJ0, bj(1));
        assertThat(read).hasSize(1_050);
        assertThat(read.get(0).code()).isEqualTo("S0100");
        assertThat(read.get(1_049).code()).isEqualTo("S1149");
    }

    @Test
    void lateDataIsFlaggedOnceListedAndCleared() {
        DerivedStore d = store.derived();
        d.markLate(List.of(new DerivedStore.Late("S1", bj(2), T0.plusSeconds(99_000)),
                new DerivedStore.Late("S2", bj(1), T0.plusSeconds(99_500))));
        d.markLate(List.of(new DerivedStore.Late("S1", bj(2), T0.plusSeconds(200_000))));
        assertThat(d.late(10)).containsExactly(new DerivedStore.Late("S2", bj(1), T0.plusSeconds(99_500)),
                new DerivedStore.Late("S1", bj(2), T0.plusSeconds(99_000)));
        assertThat(d.late(1)).hasSize(1);
        assertThat(d.clearLate(bj(0), bj(1).plusSeconds(1))).isEqualTo(1);
        assertThat(d.late(10)).extracting(DerivedStore.Late::site).containsExactly("S1");
    }
}
