package org.envmon.app.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.security.Division;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registering and editing sites over HTTP on the embedded store: validated, scoped to the division, audited. */
class SiteRegistryTest {
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> platform = p);

    static String body(String code, String name, String city, double lat, String extra) {
        return "{" + (code == null ? "" : "\"code\":\"" + code + "\",") + "\"name\":\"" + name
                + "\",\"medium\":\"air\",\"province\":\"" + city + "\",\"city\":\"" + city + "\",\"latitude\":" + lat
                + ",\"longitude\":116.4" + extra + "}";
    }

    @Test
    void anOperatorRegistersAndEditsSitesOfItsDivisionOnly() throws Exception {
        String beijing = platform.tokenFor("op-bj-sites", "operator", Division.parse("city:北京"));
        HttpResponse<String> created = platform.postAs(beijing, "/api/v1/sites",
                body("BJ90", "北京新站", "北京", 39.9, ",\"mn\":\"BJ90MN0000001\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"code\":\"BJ90\"", "\"mn\":\"BJ90MN0000001\"", "\"city\":\"北京\"");
        assertThat(platform.get("/api/v1/sites/BJ90").body()).contains("北京新站");
        // The station gets its password through the rotation endpoint; an edit keeps MN and password.
        assertThat(platform.postAs(beijing, "/api/v1/sites/BJ90/hj212-password", "").statusCode()).isEqualTo(200);
        String hash = platform.bean(SiteStore.class).require("BJ90").passwordHash();
        assertThat(hash).isNotNull();

        HttpResponse<String> edited = put(beijing, "/api/v1/sites/BJ90", body(null, "北京新站（改）", "北京", 40.0,
                ",\"control\":true"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        Site site = platform.bean(SiteStore.class).require("BJ90");
        assertThat(site.name()).isEqualTo("北京新站（改）");
        assertThat(site.latitude()).isEqualTo(40.0);
        assertThat(site.control()).isTrue();
        assertThat(site.mn()).isEqualTo("BJ90MN0000001");
        assertThat(site.passwordHash()).isEqualTo(hash);

        // Outside the division: neither created there nor moved there.
        assertThat(platform.postAs(beijing, "/api/v1/sites", body("SH90", "上海新站", "上海", 31.2, ""))
                .statusCode()).isEqualTo(403);
        assertThat(platform.bean(SiteStore.class).byCode("SH90")).isEmpty();
        assertThat(put(beijing, "/api/v1/sites/BJ90", body(null, "搬走", "上海", 31.2, "")).statusCode())
                .isEqualTo(403);
        assertThat(platform.bean(SiteStore.class).require("BJ90").city()).isEqualTo("北京");
        // The admin may; the Beijing operator then cannot edit Shanghai's site.
        assertThat(platform.post("/api/v1/sites", body("SH90", "上海新站", "上海", 31.2, "")).statusCode())
                .isEqualTo(201);
        assertThat(put(beijing, "/api/v1/sites/SH90", body(null, "x", "北京", 39.9, "")).statusCode())
                .isEqualTo(403);

        assertThat(platform.getAs(platform.adminToken(), "/api/v1/audit?limit=100").body())
                .contains("POST /api/v1/sites").contains("PUT /api/v1/sites/{code}");
    }

    @Test
    void invalidSitesAreRefusedAndOnlyOperatorsAndAdminsWrite() throws Exception {
        String admin = platform.adminToken();
        assertThat(platform.postAs(admin, "/api/v1/sites", body("BAD CODE", "x", "北京", 39.9, "")).statusCode())
                .isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/sites", body("BJ91", "x", "北京", 95, "")).statusCode())
                .isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/sites", body("BJ91", "", "北京", 39.9, "")).statusCode())
                .isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/sites", body(null, "x", "北京", 39.9, "")).statusCode())
                .isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/sites", body("BJ91", "x", "北京", 39.9, ",\"mn\":\"有中文\""))
                .statusCode()).isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/sites", body("BJ91", "x", "北京", 39.9,
                "").replace("\"air\"", "\"lava\"")).statusCode()).isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/sites", body("BJ91", "x", "北京", 39.9, ",\"targetClass\":3"))
                .statusCode()).isEqualTo(400);
        assertThat(put(admin, "/api/v1/sites/NOPE", body(null, "x", "北京", 39.9, "")).statusCode()).isEqualTo(404);
        assertThat(platform.bean(SiteStore.class).byCode("BJ91")).isEmpty();

        assertThat(platform.postAs(null, "/api/v1/sites", body("BJ92", "x", "北京", 39.9, "")).statusCode())
                .isIn(401, 403);
        assertThat(put(null, "/api/v1/sites/BJ92", body(null, "x", "北京", 39.9, "")).statusCode()).isIn(401, 403);
        String maintainer = platform.tokenFor("maint-sites", "maintainer", Division.NATIONAL);
        assertThat(platform.postAs(maintainer, "/api/v1/sites", body("BJ92", "x", "北京", 39.9, "")).statusCode())
                .isEqualTo(403);
    }

    private static HttpResponse<String> put(String token, String path, String json) throws Exception {
        return platform.http.send(RunningPlatform.authorized(HttpRequest.newBuilder(platform.uri(path)), token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
