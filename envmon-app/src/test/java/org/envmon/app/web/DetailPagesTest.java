package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.envmon.app.DemoData;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.DemoCommandAccess;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The station, city, rankings and verify pages in a real browser, on the demo's data (Beijing, January 2019):
 * charts drawn from the API's series, the calendar coloured by level, the English toggle, not-found and no-data.
 */
class DetailPagesTest {
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> {
        platform = p;
        DemoCommandAccess.load(platform.ctx);
        writeWater();
        platform.bean(Store.class).chain().sealCheckpoint();
    });

    /** Four sections in two cities, January 2019: NH3-N of classes II to IV, the other items class I-II. */
    private static void writeWater() {
        List<Site> sections = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sections.add(new Site("WD0" + i, "测试断面" + i, Medium.SURFACE_WATER, "WDMN0" + i, null, "测试省",
                    i <= 2 ? "甲市" : "乙市", null, "测试河", 30.0, 114.0, false));
        }
        platform.bean(SiteStore.class).upsert(sections);
        double[] nh3n = {0.4, 0.9, 0.95, 1.3};
        List<PacketWrite> batch = new ArrayList<>();
        Instant t0 = LocalDate.of(2019, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        for (int k = 0; k < 31; k++) {
            Instant t = t0.plusSeconds(86_400L * k);
            List<ObservationRow> rows = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                String s = sections.get(i).code();
                for (Object[] v : new Object[][] {{"w21003", nh3n[i]}, {"w01009", 7.6}, {"w01019", 3.0},
                        {"w21011", 0.08}, {"w01001", 7.5}}) {
                    rows.add(new ObservationRow(s, (String) v[0], Interval.HOUR, Statistic.VALUE, t, (Double) v[1],
                            "N"));
                }
            }
            byte[] raw = ("water " + k).getBytes(StandardCharsets.US_ASCII);
            batch.add(new PacketWrite(new RawPacket(raw, "test", Instant.now(), "test", "WDMN", "2061", "wd" + k,
                    "water-detail-" + k, true), rows));
        }
        platform.bean(ObservationStore.class).write(batch);
    }

    private static void open(HeadlessChromium browser, String path) {
        browser.driver.get(platform.uri(path).toString());
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private static WebElement byId(HeadlessChromium browser, String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static int attribute(WebElement e, String name) {
        return Integer.parseInt(e.getDomAttribute(name));
    }

    @Test
    void stationPageDrawsItsChartsAndCalendarAndSpeaksEnglish() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/station.html?code=1001A");
            assertThat(byId(browser, "aqi-badge").getText()).matches("\\d+");
            assertThat(byId(browser, "aqi-edition").getText()).contains("HJ 633-2012");
            assertThat(byId(browser, "aqi-time").getText()).startsWith("2019-01-31");
            assertThat(browser.driver.findElements(By.cssSelector("#concentrations tr"))).hasSize(6);
            assertThat(byId(browser, "advice-effect").getText()).isNotBlank();
            WebElement trend = byId(browser, "trend");
            assertThat(trend.findElements(By.tagName("canvas"))).isNotEmpty();
            assertThat(attribute(trend, "data-points")).isBetween(20, 24);
            browser.driver.findElement(By.cssSelector("#range-tabs button[data-range='1y']")).click();
            assertThat(attribute(trend, "data-points")).isBetween(28, 31);
            browser.driver.findElement(By.cssSelector("#pollutant-tabs button[data-key='pm25']")).click();
            assertThat(attribute(trend, "data-points")).isBetween(28, 31);
            WebElement calendar = byId(browser, "calendar");
            assertThat(calendar.findElements(By.tagName("canvas"))).isNotEmpty();
            assertThat(attribute(calendar, "data-coloured-days")).isBetween(28, 31);
            browser.driver.manage().window().setSize(new Dimension(1280, 1700)); // the whole page in the picture
            assertThat(Files.size(browser.screenshot("station"))).isPositive();

            WebElement trendTitle = browser.driver.findElement(By.cssSelector("[data-i18n='trend-title']"));
            assertThat(trendTitle.getText()).isEqualTo("变化趋势");
            byId(browser, "lang-toggle").click();
            assertThat(trendTitle.getText()).isEqualTo("Trend");
            assertThat(byId(browser, "aqi-level").getText()).startsWith("Level ");
            assertThat(byId(browser, "lang-toggle").getText()).isEqualTo("中文");
            assertThat(byId(browser, "advice-measures").getText()).matches("[\\x20-\\x7e]+"); // HJ 633 text in English
            assertThat(Files.size(browser.screenshot("station-en"))).isPositive();
            byId(browser, "lang-toggle").click(); // the choice is remembered: leave the next test in Chinese
        }
    }

    @Test
    void cityPageListsItsStations() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/city.html?name=%E5%8C%97%E4%BA%AC");
            assertThat(byId(browser, "detail-title").getText()).isEqualTo("北京");
            assertThat(byId(browser, "city-stations").findElements(By.tagName("a"))).hasSizeGreaterThanOrEqualTo(12);
            assertThat(attribute(byId(browser, "trend"), "data-points")).isPositive();
            assertThat(attribute(byId(browser, "calendar"), "data-coloured-days")).isPositive();
            browser.driver.manage().window().setSize(new Dimension(1280, 1800));
            assertThat(Files.size(browser.screenshot("city"))).isPositive();
        }
    }

    @Test
    void unknownStationAndCityAreFriendlyNotFound() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/station.html?code=NOPE9");
            assertThat(byId(browser, "not-found-message").getText()).contains("NOPE9").contains("没有");
            open(browser, "/city.html?name=Atlantis");
            assertThat(byId(browser, "not-found-message").getText()).contains("Atlantis");
            open(browser, "/not-found.html?station=GONE1"); // the page links elsewhere may lead to
            assertThat(byId(browser, "not-found-message").getText()).contains("GONE1");
            byId(browser, "lang-toggle").click();
            assertThat(byId(browser, "not-found-message").getText())
                    .isEqualTo("There is no monitoring station with code GONE1.");
            byId(browser, "lang-toggle").click();
        }
    }

    @Test
    void stationWithoutDataSaysNoDataNotZero() throws Exception {
        String quiet = DemoData.nationalAirStations().stream().filter(s -> !"北京".equals(s.city())).findFirst()
                .orElseThrow().code();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/station.html?code=" + quiet);
            assertThat(byId(browser, "aqi-badge").getText()).isEqualTo("无数据");
            assertThat(byId(browser, "now").getDomAttribute("data-state")).isEqualTo("no-data");
            assertThat(attribute(byId(browser, "trend"), "data-points")).isZero();
        }
    }

    @Test
    void rankingsPageOpensOnAMonthWithData() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/rankings.html");
            assertThat(byId(browser, "air-month").getDomProperty("value")).isEqualTo("2019-01");
            WebElement table = byId(browser, "air-table");
            assertThat(attribute(table, "data-rows")).isPositive();
            assertThat(table.getText()).contains("北京");
            table.findElement(By.cssSelector("th[data-sort='city']")).click();
            assertThat(table.findElement(By.cssSelector("th[data-sort='city']")).getDomAttribute("aria-sort"))
                    .isEqualTo("ascending");
            assertThat(byId(browser, "water-month").getDomProperty("value")).isEqualTo("2019-01");
            WebElement water = byId(browser, "water-table");
            assertThat(attribute(water, "data-rows")).isEqualTo(2);
            assertThat(water.getText()).contains("甲市").contains("乙市");
            assertThat(Files.size(browser.screenshot("rankings"))).isPositive();
        }
    }

    @Test
    void verifyPageShowsTheLatestRoot() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/verify.html");
            assertThat(byId(browser, "cp-root").getText()).matches("[0-9a-f]{64}");
            assertThat(byId(browser, "how").getText()).contains("./envmon verify --server");
            assertThat(Files.size(browser.screenshot("verify"))).isPositive();
        }
    }
}
