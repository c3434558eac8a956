package org.envmon.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.DemoSources;
import org.envmon.app.web.HeadlessChromium;
import org.envmon.model.ObservationStore;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The demo's real pollution-source day (2016-08-24, six outlets) sent through the HJ 212 gateway as the demo sends
 * it, then read back recomputed, from the API and on the outlet page in a real browser: the reference O2 each
 * outlet's device applies, converted concentrations and emission amounts beside the device's own.
 */
class SourcesEndToEndTest {
    /** A coal-fired power boiler, 22 hours that day. */
    private static final String OUTLET = "LD130121000134";
    /** The day of the frames as the API's period (an hour of it falls on the evening before). */
    private static final String PERIOD = "from=2016-08-23T00:00%2B08:00&to=2016-08-25T00:00%2B08:00";

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> {
        platform = p;
        DemoSources.register(p.bean(SiteStore.class));
        int sent = DemoSources.send("127.0.0.1", p.hj212Port);
        ObservationStore store = p.bean(ObservationStore.class);
        long deadline = System.nanoTime() + 30_000_000_000L; // stored shortly after sending (no answers: Flag=4)
        while (store.packetCount() < sent && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    });

    private static JsonNode hours(String outlet, String extra) throws Exception {
        return platform.okJson("/api/v1/sources/outlets/" + outlet + "/hours?" + PERIOD + extra);
    }

    @Test
    void aCoalFiredBoilersDayIsRecomputedAndAgreesWithItsDevice() throws Exception {
        JsonNode h = hours(OUTLET, "");
        assertThat(h.get("hours")).hasSize(22);
        assertThat(h.get("outlet").get("name").asText()).isEqualTo("实测烟气排口 1");
        assertThat(h.get("outlet").has("mn")).isFalse();
        assertThat(h.get("reference").get("facility").asText()).isEqualTo("coal-fired-power-boiler");
        assertThat(h.get("reference").get("percent").asInt()).isEqualTo(6);
        assertThat(h.get("reference").get("source").asText()).isEqualTo("implied_by_device");
        JsonNode converted = h.get("convertedAgreement");
        assertThat(converted.get("compared").asInt()).isGreaterThan(40);
        assertThat(converted.get("agreeing").asInt())
                .isGreaterThanOrEqualTo(converted.get("compared").asInt() * 9 / 10);
        JsonNode amounts = h.get("amountAgreement");
        assertThat(amounts.get("agreeing").asInt()).isEqualTo(amounts.get("compared").asInt());
        JsonNode first = h.get("hours").get(0);
        assertThat(first.get("time").asText()).startsWith("2016-08-23T21:00");
        assertThat(first.get("pollutants").get(0).has("converted")).isTrue();
        assertThat(h.toString()).doesNotContain("E+");
    }

    @Test
    void aDeviceThatAppliesNoStandardsReferenceIsShownAsSuch() throws Exception {
        JsonNode h = hours("LD130102000150", "");
        assertThat(h.get("reference").isNull()).isTrue();
        assertThat(h.get("convertedAgreement").get("compared").asInt()).isZero();
        assertThat(h.toString()).contains("reference_oxygen_unknown");
        // its O2 reads 0.00 all day: no analyser behind its figures
        assertThat(h.get("hours").get(0).get("signals").toString()).contains("o2_implausibly_low");
        // Naming the facility recomputes anyway, and the device's figures then disagree.
        JsonNode named = hours("LD130102000150", "&facility=coal-fired-power-boiler");
        assertThat(named.get("reference").get("source").asText()).isEqualTo("given");
        JsonNode c = named.get("convertedAgreement");
        assertThat(c.get("agreeing").asInt()).isLessThan(c.get("compared").asInt());
    }

    @Test
    void aWasteWaterOutletsLoadsAgreeWithItsDevice() throws Exception {
        JsonNode h = hours(DemoSources.WASTE_WATER, "");
        assertThat(h.get("hours")).hasSize(22);
        assertThat(h.get("reference").isNull()).isTrue();
        assertThat(h.get("amountAgreement").get("compared").asInt()).isEqualTo(44); // COD and NH3-N each hour
        assertThat(h.get("amountAgreement").get("agreeing").asInt()).isEqualTo(44);
        assertThat(h.toString()).doesNotContain("notConverted\":\"");
        // a waste-water outlet has no reference O2 to name
        assertThat(platform.get("/api/v1/sources/outlets/" + DemoSources.WASTE_WATER + "/hours?" + PERIOD
                + "&facility=gas-turbine").statusCode()).isEqualTo(400);
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        var unknownKind = platform.get("/api/v1/sources/outlets/LD130121000134/hours?" + PERIOD
                + "&facility=kiln");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/problem+json"));
        assertThat(platform.get("/api/v1/sources/outlets/NOPE/hours?" + PERIOD).statusCode()).isEqualTo(404);
        assertThat(platform.get("/api/v1/sources/outlets/LD130121000134/hours?from=2016-08-01T00:00%2B08:00"
                + "&to=2016-09-05T00:00%2B08:00").statusCode()).isEqualTo(400);
    }

    private static void open(HeadlessChromium browser, String path) {
        browser.driver.get(platform.uri(path).toString());
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private static String text(HeadlessChromium browser, String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    @Test
    void theOutletsDayWithItsReferenceAndTheDevicesFiguresChecked() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/outlet.html?code=" + OUTLET + "&from=2016-08-23&to=2016-08-24");
            assertThat(text(browser, "detail-title")).isEqualTo("实测烟气排口 1");
            assertThat(text(browser, "reference")).contains("6 %").contains("GB 13223-2011").contains("设备");
            assertThat(text(browser, "agree-converted")).isEqualTo("66 / 66");
            assertThat(text(browser, "signals")).isEqualTo("无");
            assertThat(browser.driver.findElements(By.cssSelector("#hours tr"))).hasSize(66);
            assertThat(browser.driver.findElements(By.cssSelector("#hours tr[data-agrees='false']"))).isEmpty();
            var trend = browser.driver.findElement(By.id("trend"));
            assertThat(trend.findElements(By.tagName("canvas"))).isNotEmpty();
            assertThat(trend.getDomAttribute("data-points")).isEqualTo("22");
            browser.driver.findElement(By.cssSelector("#pollutant-tabs button[data-key='a21002']")).click();
            assertThat(trend.getDomAttribute("data-points")).isEqualTo("22");
            browser.driver.manage().window().setSize(new Dimension(1280, 1400));
            assertThat(Files.size(browser.screenshot("outlet"))).isPositive();
            browser.driver.findElement(By.id("lang-toggle")).click();
            assertThat(text(browser, "agree-converted")).isEqualTo("66 of 66");
            assertThat(text(browser, "reference")).contains("implied by the device").contains("power plant");
            assertThat(Files.size(browser.screenshot("outlet-en"))).isPositive();
            browser.driver.findElement(By.id("lang-toggle")).click(); // leave the next test in Chinese
        }
    }

    @Test
    void anOutletWhoseDeviceAppliesNoStandardsReferenceAndAnUnknownOne() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            open(browser, "/outlet.html?code=LD130102000150&from=2016-08-23&to=2016-08-24");
            assertThat(text(browser, "reference")).contains("不对应任何标准");
            assertThat(browser.driver.findElements(By.cssSelector("#hours tr"))).isNotEmpty();
            assertThat(text(browser, "hours")).contains("未折算");
            assertThat(text(browser, "signals")).contains("氧分析仪").endsWith(": 22");
            open(browser, "/outlet.html?code=NOPE");
            assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-state"))
                    .isEqualTo("not-found");
            assertThat(text(browser, "not-found-message")).contains("NOPE");
        }
    }
}
