package org.envmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.envmon.app.security.AccountService;
import org.envmon.app.security.Division;
import org.envmon.hj212.Hj212Encoder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole application started for a test on free ports (HTTP and HJ 212), with a real HTTP client. Extra
 * properties are given as {@code name=value}.
 */
public class RunningPlatform implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final ConfigurableApplicationContext ctx;
    public final int httpPort;
    public final int hj212Port;
    public final HttpClient http = HttpClient.newHttpClient();
    private String adminToken;

    protected RunningPlatform(ConfigurableApplicationContext ctx) {
        this.ctx = ctx;
        this.httpPort = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        this.hj212Port = Integer.parseInt(ctx.getEnvironment().getProperty("envmon.hj212.bound-port"));
    }

    public static RunningPlatform duckdb(Path dataDir, String... properties) {
        return new RunningPlatform(run(with("envmon.data-dir=" + dataDir, properties)));
    }

    public static RunningPlatform postgres(String jdbcUrl, String... properties) {
        return new RunningPlatform(run(with("envmon.store=postgres", with("envmon.jdbc-url=" + jdbcUrl,
                properties).toArray(String[]::new))));
    }

    public static RunningPlatform start(List<String> properties) {
        return new RunningPlatform(run(properties));
    }

    /** Starts the application with the properties plus free ports. */
    protected static ConfigurableApplicationContext run(List<String> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach(p -> args.add("--" + p));
        // Tests send hundreds of requests a minute from 127.0.0.1: rate limits off unless a test sets them.
        if (properties.stream().noneMatch(p -> p.startsWith("envmon.security.rate-limit."))) {
            args.add("--envmon.security.rate-limit.anonymous-per-minute=0");
            args.add("--envmon.security.rate-limit.token-per-minute=0");
            args.add("--envmon.security.rate-limit.analyst-per-minute=0");
        }
        args.add("--server.port=0");
        args.add("--envmon.hj212.port=0");
        // Tests reach the platform on loopback; listening beyond it needs an admin account first (ExposureGuard).
        if (properties.stream().noneMatch(p -> p.startsWith("server.address="))) {
            args.add("--server.address=127.0.0.1");
        }
        if (properties.stream().noneMatch(p -> p.startsWith("envmon.hj212.host="))) {
            args.add("--envmon.hj212.host=127.0.0.1");
        }
        return SpringApplication.run(EnvmonApplication.class, args.toArray(String[]::new));
    }

    protected static List<String> with(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(Arrays.asList(rest));
        return all;
    }

    /**
     * The property that replaces the default alert rules by one threshold rule {@code id} on the hourly PM2.5 of air
     * sites, written to {@code rules.properties} in {@code dir}.
     */
    public static String onlyPm25ThresholdRule(Path dir, String id, int threshold) throws IOException {
        return rulesFile(dir, String.join("\n", "defaults=false", "rule." + id + ".type=threshold",
                "rule." + id + ".parameter=a34004", "rule." + id + ".medium=air",
                "rule." + id + ".threshold=" + threshold, ""));
    }

    /** The property that makes {@code rules} (a rules file's text) the alert rules, written to {@code dir}. */
    public static String rulesFile(Path dir, String rules) throws IOException {
        Path file = dir.resolve("rules.properties");
        Files.writeString(file, rules);
        return "envmon.alerts.rules-file=" + file;
    }

    /** Sends one HJ 212 segment, framed, as a station on its own TCP connection, and returns the platform's answer. */
    public String sendHj212(String segment) throws Exception {
        try (Socket s = new Socket("127.0.0.1", hj212Port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Hj212Encoder.frame(segment));
            byte[] buf = new byte[512];
            int n = s.getInputStream().read(buf);
            return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** An anonymous GET (the public). */
    public HttpResponse<String> get(String path) throws Exception {
        return getAs(null, path);
    }

    /** An anonymous GET that must answer 200, read as JSON. */
    public JsonNode okJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** An anonymous GET that must answer {@code status} as problem+json whose body contains {@code text}. */
    public HttpResponse<String> problem(String path, int status, String text) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .contains("application/problem+json"));
        assertThat(r.body()).contains(text);
        return r;
    }

    /** A GET with the token ({@code Authorization: Bearer}), or anonymous when it is null. */
    public HttpResponse<String> getAs(String token, String path) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path)), token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of JSON as the test administrator (writes need a role). */
    public HttpResponse<String> post(String path, String json) throws Exception {
        return postAs(adminToken(), path, json);
    }

    /** A POST of JSON with the token, or anonymous when it is null. */
    public HttpResponse<String> postAs(String token, String path, String json) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path)), token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Adds {@code Authorization: Bearer token} unless the token is null. */
    public static HttpRequest.Builder authorized(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /** The token of {@code test-admin}, an admin account created on first use. */
    public synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = tokenFor("test-admin", "admin", Division.NATIONAL);
        }
        return adminToken;
    }

    /** Creates an account (random password) and returns the secret of a new token of it. */
    public String tokenFor(String name, String role, Division division) {
        AccountService accounts = bean(AccountService.class);
        if (accounts.users().stream().noneMatch(a -> a.name().equals(name))) { // a restart on the same store
            accounts.addUser(name, "pw-" + UUID.randomUUID(), role, division);
        }
        return accounts.createToken(name, "test", null, null).secret();
    }

    public <T> T bean(Class<T> type) {
        return ctx.getBean(type);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
