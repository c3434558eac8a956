package org.envmon.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.security.Division;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recomputing a range of derived air data over HTTP: counts answered, scoped to the division, bounded, audited. */
class RecomputeApiTest {
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = QueueFixture.perClass().then(p -> platform = p);

    static String range(String city) {
        String from = QueueFixture.RUN_START.toLocalDate().minusDays(1).toString();
        String to = QueueFixture.RUN_START.toLocalDate().plusDays(1).toString();
        return "/api/v1/recompute?from=" + from + "&to=" + to
                + (city == null ? "" : "&city=" + URLEncoder.encode(city, StandardCharsets.UTF_8));
    }

    @Test
    void anOperatorRecomputesItsCityAndTheAdminEverything() throws Exception {
        String beijing = platform.tokenFor("op-bj-recompute", "operator", Division.parse("city:北京"));
        HttpResponse<String> r = platform.postAs(beijing, range("北京"), "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"city\":\"北京\"", "\"stations\":2", "\"cities\":1");
        assertThat(r.body()).doesNotContain("\"hourRows\":0,");

        HttpResponse<String> all = platform.post(range(null), "");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("\"stations\":3", "\"cities\":2");

        assertThat(platform.getAs(platform.adminToken(), "/api/v1/audit?limit=100").body())
                .contains("POST /api/v1/recompute");
    }

    @Test
    void outsideTheDivisionTooLongOrWithoutARoleIsRefused() throws Exception {
        String beijing = platform.tokenFor("op-bj-recompute2", "operator", Division.parse("city:北京"));
        assertThat(platform.postAs(beijing, range("上海"), "").statusCode()).isEqualTo(403);
        assertThat(platform.postAs(beijing, range(null), "").statusCode()).isEqualTo(403);
        assertThat(platform.postAs(null, range("北京"), "").statusCode()).isIn(401, 403);
        String maintainer = platform.tokenFor("maint-recompute", "maintainer", Division.NATIONAL);
        assertThat(platform.postAs(maintainer, range("北京"), "").statusCode()).isEqualTo(403);
        assertThat(platform.post("/api/v1/recompute?from=2025-01-01&to=2026-01-02", "").statusCode())
                .isEqualTo(400);
        assertThat(platform.post("/api/v1/recompute?from=2026-01-02&to=2026-01-01", "").statusCode())
                .isEqualTo(400);
        assertThat(platform.post("/api/v1/recompute?from=yesterday&to=2026-01-01", "").statusCode())
                .isEqualTo(400);
    }
}
