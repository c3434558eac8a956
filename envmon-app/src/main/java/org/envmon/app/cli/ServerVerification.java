package org.envmon.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.envmon.model.VerifyReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification of the store a running server holds, through its {@code POST /api/v1/chain/verify}: the embedded
 * DuckDB file cannot be opened by a second process, not even read-only, while the server has it.
 */
final class ServerVerification {
    /** A whole-store verification reads everything: minutes on a large store. */
    private static final Duration TIMEOUT = Duration.ofHours(2);
    /** The answer holds at most 100 problems; anything far larger is not a verification report. */
    private static final int MAX_ANSWER_CHARS = 1 << 20;

    private ServerVerification() {
    }

    static VerifyReport verify(String server, String token) {
        URI uri;
        try {
            uri = URI.create(server.replaceAll("/+$", "") + "/api/v1/chain/verify");
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new CannotRun("bad --server URL '" + server + "': " + e.getMessage());
        }
        HttpResponse<String> answer;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept",
                    "application/json").POST(HttpRequest.BodyPublishers.noBody());
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token.strip());
            }
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CannotRun("server " + server + " unreachable: " + Failures.message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRun("interrupted while waiting for " + uri, e);
        }
        String body = answer.body();
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            throw new CannotRun("server " + server + " refused the verification (" + answer.statusCode() + "): give an"
                    + " admin or operator token with --token or ENVMON_TOKEN");
        }
        if (answer.statusCode() != 200) {
            throw new CannotRun("server answered " + answer.statusCode() + " to POST " + uri + ": "
                    + Failures.oneLine(body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        if (body.length() > MAX_ANSWER_CHARS) {
            throw new CannotRun("server's answer to POST " + uri + " is too large to be a verification report");
        }
        try {
            return parse(JsonMapper.builder().build().readTree(body));
        } catch (RuntimeException e) {
            throw new CannotRun("server's answer to POST " + uri + " is not a verification report: "
                    + Failures.oneLine(e.getMessage()), e);
        }
    }

    static VerifyReport parse(JsonNode j) {
        List<VerifyReport.Problem> problems = new ArrayList<>();
        for (JsonNode p : j.path("problems")) {
            problems.add(new VerifyReport.Problem(p.path("kind").asString(""), longOrNull(p.get("id")),
                    longOrNull(p.get("seq")), p.path("what").asString("")));
        }
        JsonNode took = j.path("took");
        Duration d = took.isNumber() ? Duration.ofMillis(Math.round(took.asDouble() * 1000))
                : took.isString() ? Duration.parse(took.asString()) : Duration.ZERO;
        return new VerifyReport(VerifyReport.State.valueOf(j.required("state").asString()),
                j.path("records").asLong(0), j.path("packets").asLong(0), j.path("observations").asLong(0),
                j.path("reviews").asLong(0), j.path("legacyPackets").asLong(0), j.path("problemCount").asLong(0),
                problems, d);
    }

    private static Long longOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }
}
