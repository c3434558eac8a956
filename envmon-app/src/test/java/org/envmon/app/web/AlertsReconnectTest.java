package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.envmon.app.EnvmonApplication;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The portal's alert stream survives a server restart: the page reconnects and receives the next alert. */
class AlertsReconnectTest {

    /** The platform on a fixed HTTP port, so that the page's EventSource finds the restarted server. */
    static final class FixedPortPlatform extends RunningPlatform {
        private FixedPortPlatform(ConfigurableApplicationContext ctx) {
            super(ctx);
        }

        static FixedPortPlatform start(Path dir, int port) {
            return new FixedPortPlatform(SpringApplication.run(EnvmonApplication.class,
                    "--envmon.data-dir=" + dir, "--server.address=127.0.0.1", "--server.port=" + port,
                    "--envmon.hj212.host=127.0.0.1", "--envmon.hj212.port=0",
                    "--envmon.security.rate-limit.anonymous-per-minute=0",
                    "--envmon.security.rate-limit.token-per-minute=0", "--envmon.evaluation.alerts-interval=0s"));
        }
    }

    @Test
    void thePageReconnectsAfterARestartAndShowsTheNextAlert(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            FixedPortPlatform first = FixedPortPlatform.start(dir, port);
            try {
                PortalFixture.load(first);
                browser.driver.get(first.uri("/").toString());
                browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("alerts-live"),
                        "data-state", "live"));
                js.executeScript("window.notReloaded = true");
            } finally {
                first.close();
            }
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("alerts-live"),
                    "data-state", "reconnecting"));
            try (FixedPortPlatform second = FixedPortPlatform.start(dir, port)) {
                browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.attributeToBe(
                        By.id("alerts-live"), "data-state", "live"));
                PortalFixture.submitLive(second, PortalFixture.air("P006", PortalFixture.latestHour(), 300, false));
                WebElement alert = browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions
                        .presenceOfElementLocated(By.cssSelector("#alerts li[data-rule^='city-aqi']")));
                assertThat(alert.getText()).contains("武汉");
                assertThat(js.executeScript("return window.notReloaded")).isEqualTo(true);
                assertThat(List.of(browser.screenshot("portal-alert-after-restart"))).hasSize(1);
            }
        }
    }
}
