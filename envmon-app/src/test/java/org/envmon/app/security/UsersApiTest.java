package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.BrowserSession.find;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.BrowserSession;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users API on the embedded store: admin only, passwords generated and shown once, writes audited. */
class UsersApiTest {
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> platform = p);

    @Test
    void anAdminCreatesListsDisablesAndResetsAccounts() throws Exception {
        String admin = platform.adminToken();
        HttpResponse<String> created = platform.postAs(admin, "/api/v1/users",
                "{\"name\":\"maint-1\",\"role\":\"maintainer\",\"division\":\"city:北京\",\"sites\":[\"BJ01\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String password = find("\"password\":\"([^\"]+)\"", created.body());
        assertThat(password).hasSize(24);
        assertThat(created.body()).contains("\"name\":\"maint-1\"", "\"role\":\"maintainer\"",
                "\"division\":\"city:北京\"", "\"enabled\":true", "\"sites\":[\"BJ01\"]");

        HttpResponse<String> list = platform.getAs(admin, "/api/v1/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"maint-1\"").contains("\"name\":\"test-admin\"")
                .doesNotContain("bcrypt").doesNotContain("passwordHash").doesNotContain(password);

        assertThat(platform.postAs(admin, "/api/v1/users", "{\"name\":\"maint-1\",\"role\":\"maintainer\"}")
                .statusCode()).isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/users", "{\"name\":\"x\",\"role\":\"boss\"}").statusCode())
                .isEqualTo(400);
        assertThat(platform.postAs(admin, "/api/v1/users", "{\"name\":\"y\",\"role\":\"operator\","
                + "\"division\":\"planet:earth\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> disabled = platform.postAs(admin, "/api/v1/users/maint-1/disable", "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"enabled\":false");
        assertThat(platform.postAs(admin, "/api/v1/users/maint-1/enable", "").body()).contains("\"enabled\":true");
        assertThat(platform.postAs(admin, "/api/v1/users/nobody/disable", "").statusCode()).isEqualTo(404);
        assertThat(platform.postAs(admin, "/api/v1/users/test-admin/disable", "").statusCode()).isEqualTo(400);

        HttpResponse<String> reset = platform.postAs(admin, "/api/v1/users/maint-1/reset-password", "");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(find("\"password\":\"([^\"]+)\"", reset.body())).hasSize(24).isNotEqualTo(password);
        assertThat(platform.postAs(admin, "/api/v1/users/nobody/reset-password", "").statusCode()).isEqualTo(404);

        // Audited, allowed or refused.
        assertThat(platform.getAs(admin, "/api/v1/audit?limit=100").body())
                .contains("POST /api/v1/users/{name}/reset-password").contains("POST /api/v1/users/{name}/disable");
    }

    @Test
    void onlyAnAdminAndASessionWriteNeedsTheCsrfToken() throws Exception {
        String operator = platform.tokenFor("op-users", "operator", Division.NATIONAL);
        assertThat(platform.getAs(operator, "/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(platform.postAs(operator, "/api/v1/users", "{\"name\":\"z\",\"role\":\"admin\"}").statusCode())
                .isEqualTo(403);
        assertThat(platform.get("/api/v1/users").statusCode()).isEqualTo(401);
        assertThat(platform.postAs(null, "/api/v1/users/op-users/disable", "").statusCode()).isIn(401, 403);

        // A session of an admin created over the API, with its generated password.
        String created = platform.postAs(platform.adminToken(), "/api/v1/users",
                "{\"name\":\"session-admin\",\"role\":\"admin\"}").body();
        String password = find("\"password\":\"([^\"]+)\"", created);
        BrowserSession browser = new BrowserSession(platform);
        assertThat(browser.logIn("session-admin", password).statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/v1/me").body()).contains("\"name\":\"session-admin\"");
        HttpRequest.Builder write = HttpRequest.newBuilder(platform.uri("/api/v1/users/op-users/disable"))
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> ok = browser.writeNeedsCsrf(write);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"enabled\":false");
    }
}
