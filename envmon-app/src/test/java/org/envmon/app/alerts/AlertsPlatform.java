package org.envmon.app.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.envmon.app.EnvmonApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application on free ports with extra properties (like RunningPlatform, which takes none). */
final class AlertsPlatform implements AutoCloseable {
    final ConfigurableApplicationContext ctx;
    final int httpPort;
    final int hj212Port;
    final HttpClient http = HttpClient.newHttpClient();

    private AlertsPlatform(ConfigurableApplicationContext ctx) {
        this.ctx = ctx;
        this.httpPort = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        this.hj212Port = Integer.parseInt(ctx.getEnvironment().getProperty("envmon.hj212.bound-port"));
    }

    static AlertsPlatform start(List<String> properties) {
        List<String> args = new ArrayList<>();
        for (String p : properties) {
            args.add("--" + p);
        }
        args.add("--server.port=0");
        args.add("--envmon.hj212.port=0");
        return new AlertsPlatform(SpringApplication.run(EnvmonApplication.class, args.toArray(String[]::new)));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
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
