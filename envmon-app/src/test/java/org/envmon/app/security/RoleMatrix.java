package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envmon.app.RunningPlatform;

/**
 * The role x endpoint x own/other division matrix of {@link AccessContract}: for each caller (anonymous, admin,
 * the Beijing and Shanghai operators, a maintainer assigned to the Beijing sites, an enterprise owning BJ01, an
 * analyst granted Shanghai, an analyst granted Beijing's air only) the status every endpoint answers. Writes are
 * listed only where they are refused (the accepted ones change data and are tested one by one).
 */
final class RoleMatrix {
    /** Callers in column order. */
    static final List<String> CALLERS = List.of("anonymous", "admin", "op-bj", "op-sh", "maint", "factory",
            "partner-sh", "partner-air");

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();

    RoleMatrix(Map<String, String> tokens) {
        this.tokens.putAll(tokens);
    }

    static String city(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** Checks one endpoint: {@code expected} has one status per caller, in {@link #CALLERS} order; 0 = not tried. */
    RoleMatrix row(RunningPlatform p, String method, String path, String body, int... expected) throws Exception {
        for (int i = 0; i < CALLERS.size(); i++) {
            if (expected[i] == 0) {
                continue;
            }
            String token = tokens.get(CALLERS.get(i));
            HttpResponse<String> r = method.equals("GET") ? p.getAs(token, path) : p.postAs(token, path, body);
            if (r.statusCode() != expected[i]) {
                mismatches.add(method + " " + path + " as " + CALLERS.get(i) + ": " + r.statusCode() + " (expected "
                        + expected[i] + ") " + r.body());
            }
        }
        return this;
    }

    void assertAll() {
        assertThat(mismatches).isEmpty();
    }
}
