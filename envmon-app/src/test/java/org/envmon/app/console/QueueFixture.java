package org.envmon.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.security.AccountService;
import org.envmon.app.security.Division;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;

/**
 * A platform with a stuck PM2.5 analyser in two cities: Beijing's BJ01 and Shanghai's SH01 each send the same value
 * for {@link #RUN_HOURS} hours over HJ 212 (constant-run QC flags them from their first hour), BJ02 sends varying
 * values (above an alert threshold of 40 at its last hours, as the stuck ones all along). Accounts: a Beijing and a Shanghai operator and an admin, each with {@link #PASSWORD}.
 */
public final class QueueFixture {
    public static final String PASSWORD = "console test password";
    public static final int RUN_HOURS = 14;
    /** The run's first hour (Beijing time): recent, so it falls in the queue's default week. */
    public static final LocalDateTime RUN_START = LocalDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS)
            .minusHours(RUN_HOURS + 2);
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private QueueFixture() {
    }

    /** The platform of a test class, with the stations, their hours and the accounts. */
    public static PlatformPerClass<RunningPlatform> perClass() {
        return PlatformPerClass.duckdb().with(dir -> RunningPlatform.onlyPm25ThresholdRule(dir, "pm-high", 40))
                .then(QueueFixture::load);
    }

    /** A platform of its own, on the DuckDB store in {@code dir} (for a test that starts one per method). */
    public static RunningPlatform start(Path dir) throws Exception {
        RunningPlatform platform = RunningPlatform.duckdb(dir, RunningPlatform.onlyPm25ThresholdRule(dir, "pm-high", 40));
        load(platform);
        return platform;
    }

    private static void load(RunningPlatform platform) throws Exception {
        platform.bean(SiteStore.class).upsert(List.of(
                site("BJ01", "北京站一", "北京市", "北京", "CON0000000000000000000001"),
                site("BJ02", "北京站二", "北京市", "北京", "CON0000000000000000000002"),
                site("SH01", "上海站一", "上海市", "上海", "CON0000000000000000000003")));
        for (int h = 0; h < RUN_HOURS; h++) {
            send(platform, "CON0000000000000000000001", RUN_START.plusHours(h), 42);
            send(platform, "CON0000000000000000000002", RUN_START.plusHours(h), 30 + h);
            send(platform, "CON0000000000000000000003", RUN_START.plusHours(h), 55);
        }
        AccountService accounts = platform.bean(AccountService.class);
        accounts.addUser("op-beijing", PASSWORD, "operator", Division.parse("city:北京"));
        accounts.addUser("op-shanghai", PASSWORD, "operator", Division.parse("city:上海"));
        accounts.addUser("console-admin", PASSWORD, "admin", Division.NATIONAL);
    }

    /** An ISO time with the Beijing offset, URL-encoded for a query. */
    public static String query(LocalDateTime t) {
        return t.atOffset(ZoneOffset.ofHours(8)).toString().replace("+", "%2B");
    }

    public static OffsetDateTime beijing(LocalDateTime t) {
        return t.atOffset(ZoneOffset.ofHours(8));
    }

    private static Site site(String code, String name, String province, String city, String mn) {
        return new Site(code, name, Medium.AIR, mn, PasswordHash.hash("123456"), province, city, null, null, 39.9,
                116.4, false);
    }

    private static void send(RunningPlatform platform, String mn, LocalDateTime hour, double pm25) throws Exception {
        String segment = "QN=" + hour.format(QN) + "001;ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(hour) + ";a34004-Avg=" + pm25 + ",a34004-Flag=N&&";
        assertThat(platform.sendHj212(segment)).contains("CN=9014");
    }
}
