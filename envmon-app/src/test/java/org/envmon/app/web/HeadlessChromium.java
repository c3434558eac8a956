package org.envmon.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium driven headless through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}); nothing is downloaded. Where they are absent the test is skipped with one message, unless
 * {@code ENVMON_REQUIRE_BROWSER} is set (CI), where it fails.
 */
public final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("envmon.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("envmon.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /** Starts a browser, or skips the test (fails it under {@code ENVMON_REQUIRE_BROWSER}) when there is none. */
    public static HeadlessChromium start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "no headless browser: install Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + ")";
            if (System.getenv("ENVMON_REQUIRE_BROWSER") != null) {
                throw new AssertionError(message + "; ENVMON_REQUIRE_BROWSER is set");
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: background networking would only produce refused connections.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Opens the operator console of {@code platform} and waits (up to 30 s, the wait returned) for its login form. */
    public WebDriverWait openConsole(RunningPlatform platform) {
        WebDriverWait wait = waitUpTo(Duration.ofSeconds(30));
        driver.get(platform.uri("/console").toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "login"));
        return wait;
    }

    /** Opens the console of {@code platform}, logs in as {@code user} and shows the tab {@code view}. */
    public WebDriverWait consoleTab(RunningPlatform platform, String user, String password, String view) {
        WebDriverWait wait = openConsole(platform);
        logIn(wait, user, password);
        driver.findElement(By.cssSelector("#tabs [data-view=" + view + "]")).click();
        return wait;
    }

    /** Logs in through the console's form and waits for the console. */
    public void logIn(WebDriverWait wait, String user, String password) {
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "console"));
    }

    /** Saves a PNG of the page under target/screenshots (a test artifact) and returns its path. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
