package org.envmon.app.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.envmon.app.DemoData;
import org.envmon.app.RunningPlatform;
import org.envmon.app.web.feeds.AirFeeds;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.model.BeijingTime;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's figures for BENCHMARKS.md (not a test: runs only with {@code -Denvmon.bench.portal=true}): the 2,026
 * national air stations with the last 24 hours of hourly values; the all-stations feed's size (plain and gzip) and
 * its latency on loopback (cached, and a 304 revalidation), and the time until the map has drawn its markers in
 * headless Chromium (performance mark 'markers-drawn', from navigation start).
 */
class PortalBenchmark {
    static final String FEED = "/api/v1/feeds/stations/latest";

    @Test
    void measure(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("envmon.bench.portal"), "benchmark: -Denvmon.bench.portal=true");
        StringBuilder out = new StringBuilder();
        try (RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            long t0 = System.nanoTime();
            int stations = load(platform);
            out.append(String.format("load: %d stations x 24 h written and derived in %.1f s%n", stations,
                    (System.nanoTime() - t0) / 1e9));

            HttpRequest gz = HttpRequest.newBuilder(platform.uri(FEED)).header("Accept-Encoding", "gzip").build();
            long c0 = System.nanoTime();
            HttpResponse<byte[]> first = platform.http.send(gz, HttpResponse.BodyHandlers.ofByteArray());
            double coldMs = (System.nanoTime() - c0) / 1e6;
            int plain = platform.get(FEED).body().getBytes(StandardCharsets.UTF_8).length;
            out.append(String.format("feed: %d bytes JSON, %d bytes gzip; first (uncached) request %.1f ms%n", plain,
                    first.body().length, coldMs));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            AirFeeds feeds = platform.bean(AirFeeds.class);
            double[] build = new double[5];
            for (int i = 0; i < build.length; i++) {
                long b0 = System.nanoTime();
                feeds.stations(Instant.now());
                build[i] = (System.nanoTime() - b0) / 1e6;
            }
            Arrays.sort(build);
            out.append(String.format("feed rebuild (background, warm): median %.0f ms, max %.0f ms%n",
                    build[build.length / 2], build[build.length - 1]));
            out.append(latency(platform, gz, "cached 200 (gzip)"));
            out.append(latency(platform, HttpRequest.newBuilder(platform.uri(FEED)).header("Accept-Encoding", "gzip")
                    .header("If-None-Match", etag).build(), "304 revalidation"));

            try (HeadlessChromium browser = HeadlessChromium.start()) {
                List<Double> drawn = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    browser.driver.get(platform.uri("/").toString());
                    browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.attributeToBe(
                            By.tagName("body"), "data-ready", "true"));
                    browser.waitUpTo(Duration.ofSeconds(60)).until(d -> ((JavascriptExecutor) d).executeScript(
                            "return performance.getEntriesByName('markers-drawn').length") instanceof Long n && n > 0);
                    Object ms = ((JavascriptExecutor) browser.driver).executeScript(
                            "return performance.getEntriesByName('markers-drawn')[0].startTime");
                    Object markers = ((JavascriptExecutor) browser.driver).executeScript(
                            "return window.envmonMap.markers.length");
                    if (i > 0) { // the first load warms the server's and the browser's caches
                        drawn.add(((Number) ms).doubleValue());
                    }
                    if (i == 5) {
                        clickStation(browser, "1001A");
                        browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("#card .card[data-kind='station']"))); // Beijing's overlap: any
                        out.append("last load: ").append(((JavascriptExecutor) browser.driver).executeScript(
                                "return performance.getEntriesByType('mark').map(m => m.name + ' '"
                                + " + Math.round(m.startTime)).concat(performance.getEntriesByType('resource')"
                                + ".map(r => r.name.replace(/^.*\\//, '') + ' ' + Math.round(r.startTime) + '+'"
                                + " + Math.round(r.duration))).join(', ')")).append('\n');
                        out.append("markers drawn: ").append(markers).append('\n');
                        browser.screenshot("portal-national");
                    }
                }
                double[] d = drawn.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                out.append(String.format("map page, navigation start to markers drawn (5 loads): median %.0f ms, "
                        + "max %.0f ms%n", d[d.length / 2], d[d.length - 1]));
            }
        }
        System.out.print(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "portal-bench.txt"), out);
    }

    /** Clicks a station's marker (its pixel from window.envmonMap). */
    static void clickStation(HeadlessChromium browser, String code) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) ((JavascriptExecutor) browser.driver).executeScript(
                "return window.envmonMap.pixelOf(arguments[0])", code);
        org.openqa.selenium.WebElement map = browser.driver.findElement(By.id("map"));
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(map,
                (int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0),
                (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0))
                .pause(Duration.ofMillis(300)).click().perform();
    }

    private static String latency(RunningPlatform platform, HttpRequest request, String what) throws Exception {
        for (int i = 0; i < 300; i++) {
            platform.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        int n = 3000;
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            platform.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        return String.format("%s: %d sequential requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, n,
                ns[n / 2] / 1e6, ns[(int) (n * 0.99)] / 1e6, ns[n - 1] / 1e6);
    }

    /** The national station list and 24 hours of synthetic hourly values (PM2.5 spread over all six levels). */
    private static int load(RunningPlatform platform) {
        List<Site> sites = DemoData.nationalAirStations();
        platform.bean(SiteStore.class).upsert(sites);
        Instant last = Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(3600);
        Random random = new Random(42);
        String[] codes = {"a21026", "a21004", "a34002", "a34004", "a21005", "a05024"};
        List<PacketWrite> batch = new ArrayList<>();
        long n = 0;
        for (Site s : sites) {
            double base = 5 + Math.exp(3.2 + 0.7 * random.nextGaussian()); // PM2.5 median about 30 µg/m³
            for (int h = 23; h >= 0; h--) {
                Instant t = last.minusSeconds(3600L * h);
                double pm25 = Math.max(1, Math.round(base * (0.8 + 0.4 * random.nextDouble())));
                double[] v = {3 + random.nextInt(15), 10 + random.nextInt(40), Math.round(pm25 * 1.5), pm25,
                        0.3 + random.nextInt(8) / 10.0, 20 + random.nextInt(100)};
                List<ObservationRow> rows = new ArrayList<>();
                for (int p = 0; p < 6; p++) {
                    rows.add(new ObservationRow(s.code(), codes[p], Interval.HOUR, Statistic.VALUE, t, v[p], "N"));
                }
                n++;
                batch.add(new PacketWrite(new RawPacket(("bench " + n).getBytes(StandardCharsets.US_ASCII), "bench",
                        Instant.now(), "bench", s.mn(), "2061", "b" + n, "portal-bench-" + n, true), rows));
                if (batch.size() == 2000) {
                    platform.bean(ObservationStore.class).write(batch);
                    batch.clear();
                }
            }
        }
        platform.bean(ObservationStore.class).write(batch);
        LocalDate today = LocalDate.now(BeijingTime.OFFSET);
        platform.bean(LiveRecompute.class).recomputeAll(today.minusDays(2), today);
        return sites.size();
    }
}
