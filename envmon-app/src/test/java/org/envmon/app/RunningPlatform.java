package org.envmon.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application started for a test on free ports, with a real HTTP client. */
final class RunningPlatform implements AutoCloseable {
    final ConfigurableApplicationContext ctx;
    final int httpPort;
    final int hj212Port;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningPlatform(ConfigurableApplicationContext ctx) {
        this.ctx = ctx;
        this.httpPort = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        this.hj212Port = Integer.parseInt(ctx.getEnvironment().getProperty("envmon.hj212.bound-port"));
    }

    static RunningPlatform duckdb(Path dataDir) {
        return start(List.of("--envmon.data-dir=" + dataDir));
    }

    static RunningPlatform postgres(String jdbcUrl) {
        return start(List.of("--envmon.store=postgres", "--envmon.jdbc-url=" + jdbcUrl));
    }

    private static RunningPlatform start(List<String> storeArgs) {
        List<String> args = new ArrayList<>(storeArgs);
        args.add("--server.port=0");
        args.add("--envmon.hj212.port=0");
        return new RunningPlatform(SpringApplication.run(EnvmonApplication.class, args.toArray(String[]::new)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> T bean(Class<T> type) {
        return ctx.getBean(type);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
