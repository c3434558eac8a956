package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.envmon.app.RunningPlatform;
import org.envmon.app.console.QueueFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's users table in a real browser: an admin creates an account, disables it, resets its password. */
class ConsoleUsersTest {

    @Test
    void anAdminCreatesDisablesAndResetsAnAccount(@TempDir Path dir) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(); RunningPlatform platform = QueueFixture.start(dir)) {
            WebDriverWait wait = browser.consoleTab(platform, "console-admin", QueueFixture.PASSWORD, "tokens");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-table"), "op-shanghai"));

            browser.driver.findElement(By.id("user-name-input")).sendKeys("op-new");
            browser.driver.findElement(By.id("user-division-input")).sendKeys("city:北京");
            browser.driver.findElement(By.id("user-create")).click();
            String first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-secret"))).getText();
            assertThat(first).hasSize(24);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user-table tr[data-user=op-new]")));
            assertThat(platform.bean(org.envmon.app.security.AccountService.class).user("op-new").orElseThrow()
                    .divisionName()).isEqualTo("北京");
            browser.screenshot("console-users");

            browser.driver.findElement(By.cssSelector("#user-table tr[data-user=op-new] .disable-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#user-table tr[data-user=op-new] .enable-button")));
            assertThat(platform.bean(org.envmon.app.security.AccountService.class).user("op-new").orElseThrow()
                    .enabled()).isFalse();

            browser.driver.findElement(By.cssSelector("#user-table tr[data-user=op-new] .reset-button")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(d -> !d.findElement(By.id("user-secret")).getText().equals(first));
            assertThat(browser.driver.findElement(By.id("user-secret")).getText()).hasSize(24);
        }
    }
}
