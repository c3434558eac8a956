package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.DemoSources;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The pollution-source outlet page in a real browser, on the demo's real day of six outlets (2016-08-24). */
class OutletPageTest {
    private static final String OUTLET = "LD130121000134";

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> {
        platform = p;
        DemoSources.register(p.bean(SiteStore.class));
        DemoSources.send("127.0.0.1", p.hj212Port);
        String api = "/api/v1/sources/outlets/" + OUTLET
                + "/flue-gas-hours?from=2016-08-23T00:00%2B08:00&to=2016-08-25T00:00%2B08:00";
        long deadline = System.nanoTime() + 30_000_000_000L; // stored shortly after sending (no answers: Flag=4)
        while (p.okJson(api).get("hours").size() < 22 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    });

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
            open(browser, "/outlet.html?code=NOPE");
            assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-state"))
                    .isEqualTo("not-found");
            assertThat(text(browser, "not-found-message")).contains("NOPE");
        }
    }
}
