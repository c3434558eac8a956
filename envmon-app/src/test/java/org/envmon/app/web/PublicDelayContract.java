package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import org.envmon.app.RunningPlatform;
import org.envmon.app.security.Division;
import org.junit.jupiter.api.Test;

/**
 * With {@code envmon.security.public-delay=1h}: the anonymous public does not get the last hour (it ended less than
 * an hour ago) from any endpoint or feed, accounts and tokens do; the public's feeds keep their ETag/304. Runs on
 * DuckDB ({@link PublicDelayOnDuckDbTest}) and PostgreSQL ({@link PublicDelayOnPostgresTest}); the same probe
 * without a delay is in {@link FeedsContract}.
 */
abstract class PublicDelayContract {
    static final String DELAY = "envmon.security.public-delay=1h";
    static RunningPlatform platform;

    /** The set-up of the platform the subclass starts: the portal's stations and hours. */
    static void load(RunningPlatform started) {
        platform = started;
        PortalFixture.load(started);
    }

    @Test
    void thePublicSeesTheHourBeforeAndAccountsSeeTheLastHour() throws Exception {
        Instant last = PortalFixture.latestHour();
        // The public's newest hour is the one that ended an hour before now: the hour before the fixture's last,
        // unless the clock passed an hour since the load (then the last is public too, once the feed caches expire).
        Map<String, Instant> seen;
        Instant expected;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            seen = NewestHourProbe.newestHours(platform, null);
            Instant publicNewest = hour.minusSeconds(2 * 3600);
            expected = publicNewest.isBefore(last) ? publicNewest : last;
            boolean sameHour = hour.equals(Instant.now().truncatedTo(ChronoUnit.HOURS));
            if (sameHour && Collections.frequency(seen.values(), expected) == seen.size()
                    || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        NewestHourProbe.assertAll(seen, expected, "the public");
        NewestHourProbe.assertAll(NewestHourProbe.newestHours(platform, platform.adminToken()), last, "an admin");
        String operator = platform.tokenFor("op-bj", "operator", Division.parse("city:北京"));
        NewestHourProbe.assertAll(NewestHourProbe.newestHours(platform, operator), last, "Beijing's operator");
        // the public's feed is still answered once, then 304 by tag; an account's is private to it
        String path = "/api/v1/feeds/stations/latest";
        HttpResponse<String> first = platform.get(path);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = platform.http.send(HttpRequest.newBuilder(platform.uri(path))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        HttpResponse<String> account = platform.getAs(operator, path);
        assertThat(account.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(account.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
    }
}
