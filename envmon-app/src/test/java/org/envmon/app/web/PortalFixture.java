package org.envmon.app.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.app.RunningPlatform;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.ingest.IngestSink;
import org.envmon.model.BeijingTime;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;

/**
 * A small country for the portal's tests: five air stations in four cities with the last three hours of hourly
 * values at five different PM2.5 levels (one with its PM10 invalidated by QC), two stations without data (P006
 * reports in the tests that need a live change), and
 * two surface-water sections (class II and worse than V) with this month's values.
 */
final class PortalFixture {
    static final String SECRET_MN = "MN-SECRET-P001";
    /** code, name, province, city, lat, lon, PM2.5 (µg/m³; negative: no data). */
    static final Object[][] STATIONS = {
        {"P001", "测试东城", "北京市", "北京", 39.93, 116.40, 20.0},
        {"P002", "测试西城", "北京市", "北京", 39.88, 116.35, 60.0},
        {"P003", "测试徐汇", "上海市", "上海", 31.23, 121.47, 100.0},
        {"P004", "测试浦东", "上海市", "上海", 31.20, 121.55, 130.0},
        {"P005", "测试天河", "广东省", "广州", 23.13, 113.26, 200.0},
        {"P006", "测试江汉", "湖北省", "武汉", 30.59, 114.30, -1.0},
        {"P007", "测试城关", "西藏自治区", "拉萨", 29.65, 91.13, -1.0},
    };
    private static final AtomicLong PACKETS = new AtomicLong();
    /** Set by {@link #load}: tests compare with the hour the data has, even after the clock passed an hour. */
    private static volatile Instant latest;

    private PortalFixture() {
    }

    /** The hour (interval start) the fixture's latest values belong to: the last complete hour when loaded. */
    static Instant latestHour() {
        if (latest == null) {
            throw new IllegalStateException("PortalFixture.load first");
        }
        return latest;
    }

    static void load(RunningPlatform platform) {
        List<Site> sites = new ArrayList<>();
        for (Object[] s : STATIONS) {
            String code = (String) s[0];
            sites.add(new Site(code, (String) s[1], Medium.AIR, code.equals("P001") ? SECRET_MN : "MN-" + code, null,
                    (String) s[2], (String) s[3], null, null, (Double) s[4], (Double) s[5], false));
        }
        sites.add(new Site("W101", "测试长江断面", Medium.SURFACE_WATER, "WMN101", null, "湖北省", "武汉", null, "长江",
                30.62, 114.35, false).withWaterSection("river", 3, true));
        sites.add(new Site("W102", "测试黄浦江断面", Medium.SURFACE_WATER, "WMN102", null, "上海市", "上海", null,
                "太湖流域", 31.10, 121.45, false).withWaterSection("river", 3, false));
        platform.bean(SiteStore.class).upsert(sites);

        List<PacketWrite> batch = new ArrayList<>();
        Instant latest = Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(3600);
        PortalFixture.latest = latest;
        for (int back = 2; back >= 0; back--) {
            Instant t = latest.minusSeconds(3600L * back);
            for (Object[] s : STATIONS) {
                double pm25 = (Double) s[6];
                if (pm25 >= 0) {
                    batch.add(air((String) s[0], t, pm25, s[0].equals("P004") && back == 0));
                }
            }
            batch.add(water("W101", t, 0.4));
            batch.add(water("W102", t, 2.5));
        }
        platform.bean(ObservationStore.class).write(batch);
        // the days of the hours written (not of the clock, which may have passed midnight meanwhile)
        platform.bean(LiveRecompute.class).recomputeAll(day(latest.minusSeconds(2 * 3600)), day(latest));
    }

    private static LocalDate day(Instant t) {
        return t.atOffset(BeijingTime.OFFSET).toLocalDate();
    }

    /** A packet of the six pollutants of one station-hour; {@code badPm10}: its PM10 failed QC. */
    static PacketWrite air(String site, Instant t, double pm25, boolean badPm10) {
        List<ObservationRow> rows = new ArrayList<>();
        rows.add(row(site, "a21026", t, 5));
        rows.add(row(site, "a21004", t, 20));
        ObservationRow pm10 = row(site, "a34002", t, Math.round(pm25 * 1.3));
        rows.add(badPm10 ? pm10.withQc(false, List.of("range")) : pm10);
        rows.add(row(site, "a34004", t, pm25));
        rows.add(row(site, "a21005", t, 0.5));
        rows.add(row(site, "a05024", t, 40));
        return packet(site, rows);
    }

    /** NH3-N decides the class: 0.4 → II, 2.5 → worse than V. */
    static PacketWrite water(String site, Instant t, double nh3n) {
        return packet(site, List.of(row(site, "w21003", t, nh3n), row(site, "w01009", t, 7.6),
                row(site, "w01019", t, 3.0), row(site, "w21011", t, 0.08), row(site, "w01001", t, 7.5)));
    }

    /** Submits through the ingest path (as a station's packet): the live recompute and the alert engine see it. */
    static void submitLive(RunningPlatform platform, PacketWrite write) throws Exception {
        platform.bean(IngestSink.class).submit(write).get();
    }

    private static ObservationRow row(String site, String parameter, Instant t, double v) {
        return new ObservationRow(site, parameter, Interval.HOUR, Statistic.VALUE, t, v, "N");
    }

    private static PacketWrite packet(String site, List<ObservationRow> rows) {
        long n = PACKETS.incrementAndGet();
        byte[] raw = ("portal test " + site + " " + n).getBytes(StandardCharsets.US_ASCII);
        return new PacketWrite(new RawPacket(raw, "test", Instant.now(), "test", "MN-" + site, "2061", "p" + n,
                "portal-test-" + System.nanoTime() + "-" + n, true), rows);
    }
}
