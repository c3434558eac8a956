package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.envmon.app.RunningPlatform;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.ingest.IngestSink;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A station with data under the 2026 edition: the page names HJ 633-2026 and, with PM2.5 above IAQI 100, the
 * sensitive groups of HJ 633-2026 Table 2 for particulate matter.
 */
class DetailPage2026Test {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void stationUnderThe2026EditionShowsItsStandardAndTable2Groups(@TempDir Path dir) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start();
             RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            platform.bean(SiteStore.class).upsert(List.of(new Site("T2026", "样例站", Medium.AIR, "MNT2026", null,
                    "样例省", "样例市", null, null, 30.0, 114.0, false)));
            send(platform.bean(IngestSink.class));
            platform.bean(LiveRecompute.class).recomputeAll(DAY.minusDays(1), DAY.plusDays(1));

            browser.driver.get(platform.uri("/station.html?code=T2026").toString());
            browser.waitUpTo(Duration.ofSeconds(30))
                    .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            assertThat(browser.driver.findElement(By.id("aqi-edition")).getText()).contains("HJ 633-2026");
            assertThat(browser.driver.findElement(By.id("advice-source")).getText()).startsWith("HJ 633-2026");
            assertThat(browser.driver.findElement(By.id("advice-groups")).getText())
                    .contains("PM2.5: 心血管或呼吸系统疾病");
            assertThat(browser.driver.findElement(By.id("advice-measures")).getText()).contains("青少年儿童");
        }
    }

    /** 24 hours of the six pollutants, PM2.5 85-89 µg/m³ (IAQI 2026 above 100), as hourly packets. */
    private static void send(IngestSink sink) {
        Instant day = DAY.atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant t = day.plus(Duration.ofHours(h));
            double pm25 = 85 + h % 5;
            List<ObservationRow> rows = Stream.of(new Object[][] {{"a34004", pm25}, {"a34002", pm25 + 30 + h % 3},
                    {"a21026", 6.0 + h % 4}, {"a21004", 25.0 + h % 6}, {"a21005", 0.5 + h % 3 / 10.0},
                    {"a05024", 30.0 + h % 7}}).map(p -> new ObservationRow("T2026", (String) p[0], Interval.HOUR,
                    Statistic.VALUE, t, (Double) p[1], "N")).toList();
            RawPacket raw = new RawPacket(("packet " + h).getBytes(StandardCharsets.US_ASCII), "10.0.0.1:1",
                    t.plusSeconds(3600), "hj212", "MNT2026", "2061", "T2026-" + h, "T2026-" + h, true);
            done.add(sink.submit(new PacketWrite(raw, rows)));
        }
        done.forEach(CompletableFuture::join);
    }
}
