package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The front page in headless Chromium on a small country ({@link PortalFixture}): map, card, language, live alerts. */
class PortalMapTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);
    static RunningPlatform platform;
    /** The city AQI reaches the alert engine from the live recompute only (no periodic re-read during the test). */
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass
            .duckdb("envmon.evaluation.alerts-interval=0s").then(p -> PortalFixture.load(platform = p));
    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver;
    }

    void openPortal() {
        browser.driver.get(platform.uri("/").toString());
        browser.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        browser.waitUpTo(WAIT).until(d -> js().executeScript("return window.envmonMap.drawnMs") != null);
    }

    @Test
    void theMapShowsEveryStationInTheColourTheFeedGives() throws Exception {
        openPortal();
        JsonNode feed = JSON.readTree(platform.get("/api/v1/feeds/stations/latest").body());
        Map<String, String> expected = new HashMap<>();
        feed.get("items").forEach(s -> expected.put(s.get("code").asText(),
                s.get("colour").isNull() ? "#bbbbbb" : s.get("colour").asText()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> markers = (List<Map<String, Object>>) js().executeScript(
                "return window.envmonMap.markers");
        Map<String, String> drawn = new HashMap<>();
        markers.forEach(m -> drawn.put((String) m.get("code"), (String) m.get("colour")));
        assertThat(drawn).isEqualTo(expected).hasSize(PortalFixture.STATIONS.length);
        assertThat(browser.driver.findElement(By.id("map")).getAttribute("data-markers"))
                .isEqualTo(String.valueOf(PortalFixture.STATIONS.length));
        // five levels, five colours: the markers are not all one colour
        assertThat(drawn.values().stream().distinct().count()).isGreaterThanOrEqualTo(5);
        // the water sections, coloured by class
        assertThat(js().executeScript("return window.envmonMap.sections.length")).isEqualTo(2L);
        assertThat(js().executeScript("return window.envmonMap.sections.map(w => w.colour).sort().join()"))
                .isEqualTo("#2b6cd9,#e60000"); // class II blue, worse than V red
        // the city layer, off by default
        assertThat(js().executeScript("return window.envmonMap.cities.length")).isEqualTo(0L);
        browser.driver.findElement(By.id("layer-cities")).click();
        assertThat(js().executeScript("return window.envmonMap.cities.length")).isEqualTo(5L);
        // the city table of the latest hour, searchable by pinyin initials
        WebElement table = browser.driver.findElement(By.id("cities"));
        assertThat(table.getAttribute("data-rows")).isEqualTo("5");
        browser.driver.findElement(By.id("city-search")).sendKeys("bj");
        assertThat(table.getAttribute("data-rows")).isEqualTo("1");
        assertThat(table.findElement(By.cssSelector("tbody tr")).getAttribute("data-city")).isEqualTo("北京");
        // sortable: AQI descending puts the most polluted city of the feed first
        browser.driver.findElement(By.id("city-search")).clear();
        browser.driver.findElement(By.id("city-search")).sendKeys(" ");
        String worst = null;
        int worstAqi = -1;
        for (JsonNode c : JSON.readTree(platform.get("/api/v1/feeds/cities/latest").body()).get("items")) {
            if (!c.get("aqi").isNull() && c.get("aqi").asInt() > worstAqi) {
                worstAqi = c.get("aqi").asInt();
                worst = c.get("city").asText();
            }
        }
        WebElement aqiHeader = table.findElement(By.cssSelector("th[data-sort='aqi']"));
        aqiHeader.click();
        aqiHeader.click();
        assertThat(aqiHeader.getAttribute("data-dir")).isEqualTo("desc");
        assertThat(table.findElement(By.cssSelector("tbody tr")).getAttribute("data-city")).isEqualTo(worst);
        assertThat(Files.size(browser.screenshot("portal-map"))).isPositive();
    }

    @Test
    void clickingAStationOpensItsCardAndAProvinceDrillsDown() throws Exception {
        openPortal();
        // hovering shows the card as a tooltip
        pointAt("return window.envmonMap.pixelOf('P005')").perform();
        String tooltip = "return document.getElementById('map').textContent";
        browser.waitUpTo(WAIT).until(d -> String.valueOf(js().executeScript(tooltip)).contains("测试天河"));
        assertThat(String.valueOf(js().executeScript(tooltip))).contains("AQI").contains("HJ 633-");
        // clicking keeps it beside the map, with the six concentrations and the link to the station's page
        click("return window.envmonMap.pixelOf('P005')");
        WebElement card = browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#card .card[data-code='P005']")));
        JsonNode p005 = null;
        for (JsonNode s : JSON.readTree(platform.get("/api/v1/feeds/stations/latest").body()).get("items")) {
            if (s.get("code").asText().equals("P005")) {
                p005 = s;
            }
        }
        assertThat(card.findElement(By.cssSelector(".aqi .value")).getText()).isEqualTo(p005.get("aqi").asText());
        assertThat(card.getText()).contains("测试天河").contains("HJ 633-" + p005.get("edition").asText())
                .contains(p005.get("category").asText()).contains("PM₂.₅");
        assertThat(card.findElement(By.cssSelector("a.detail")).getAttribute("href"))
                .endsWith("/station.html?code=P005");
        assertThat(Files.size(browser.screenshot("portal-station-card"))).isPositive();

        // a point of Hubei away from any marker: the map drills down to its prefectures, and back
        click("return window.envmonMap.pixelAt(112.2, 31.6)");
        browser.waitUpTo(WAIT).until(d -> "湖北".equals(js().executeScript("return window.envmonMap.view")));
        assertThat(browser.driver.findElement(By.id("map-back")).isDisplayed()).isTrue();
        assertThat(js().executeScript("return window.envmonMap.markers.map(m => m.code).join()")).isEqualTo("P006");
        assertThat(Files.size(browser.screenshot("portal-province"))).isPositive();
        browser.driver.findElement(By.id("map-back")).click();
        browser.waitUpTo(WAIT).until(d -> "china".equals(js().executeScript("return window.envmonMap.view")));
    }

    @Test
    void theEnglishToggleChangesTheLabels() throws Exception {
        openPortal();
        WebElement heading = browser.driver.findElement(By.id("map-heading"));
        assertThat(heading.getText()).isEqualTo("全国空气质量与地表水水质");
        browser.driver.findElement(By.id("lang-toggle")).click();
        assertThat(heading.getText()).isEqualTo("Air quality and surface water across China");
        assertThat(browser.driver.findElement(By.id("cities-heading")).getText())
                .isEqualTo("Cities by air quality, latest hour");
        assertThat(browser.driver.findElement(By.id("legend")).getText()).contains("Excellent").contains("Good");
        assertThat(browser.driver.findElement(By.cssSelector("#cities thead")).getText()).contains("Rank")
                .contains("City").doesNotContain("城市");
        assertThat(browser.driver.findElement(By.id("city-search")).getAttribute("placeholder")).contains("pinyin");
        assertThat(browser.driver.findElement(By.id("data-time")).getText()).startsWith("Data hour");
        assertThat(browser.driver.findElement(By.id("lang-toggle")).getText()).isEqualTo("中文");
        assertThat(Files.size(browser.screenshot("portal-english"))).isPositive();
        browser.driver.findElement(By.id("lang-toggle")).click(); // the choice is kept: leave Chinese for the others
        assertThat(heading.getText()).isEqualTo("全国空气质量与地表水水质");
    }

    @Test
    void aCityAlertArrivesByServerSentEventsWithoutReload() throws Exception {
        openPortal();
        browser.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.id("alerts-live"), "data-state", "live"));
        js().executeScript("window.notReloaded = true");
        // Wuhan's only station reports a heavily polluted hour: the live recompute scores the city, the alert engine
        // opens the city AQI alert, and the stream delivers it
        PortalFixture.submitLive(platform, PortalFixture.air("P006", PortalFixture.latestHour(), 300, false));
        WebElement alert = browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alerts li[data-rule^='city-aqi']")));
        assertThat(alert.getText()).contains("武汉");
        assertThat(js().executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(Files.size(browser.screenshot("portal-alert"))).isPositive();
    }

    @Test
    void theMapStillRendersWhenAFeedFailsAndRetryRecovers() throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/feeds/stations/*")));
        browser.driver.get(platform.uri("/").toString());
        browser.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        WebElement banner = browser.driver.findElement(By.id("banner"));
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).contains("站点数据");
        assertThat(browser.driver.findElements(By.cssSelector("#map canvas"))).isNotEmpty();
        assertThat(js().executeScript("return window.envmonMap.sections.length")).isEqualTo(2L);
        assertThat(Files.size(browser.screenshot("portal-feed-failed"))).isPositive();
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        banner.findElement(By.tagName("button")).click();
        browser.waitUpTo(WAIT).until(d -> Long.valueOf(PortalFixture.STATIONS.length)
                .equals(js().executeScript("return window.envmonMap.markers.length")));
        assertThat(banner.isDisplayed()).isFalse();
    }

    /** Clicks the map at the pixel the script returns ([x, y] from the map element's top-left corner). */
    private void click(String pixelScript) {
        pointAt(pixelScript).click().perform();
    }

    /** Moves the pointer to the pixel the script returns; the actions are performed by the caller. */
    private Actions pointAt(String pixelScript) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) js().executeScript(pixelScript);
        WebElement map = browser.driver.findElement(By.id("map"));
        int dx = (int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        return new Actions(browser.driver).moveToElement(map, dx, dy).pause(Duration.ofMillis(300));
    }
}
