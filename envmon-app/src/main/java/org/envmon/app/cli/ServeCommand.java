package org.envmon.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.envmon.app.EnvmonApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code envmon serve}: the platform (HTTP API and HJ 212 gateway) on the chosen store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the platform: REST API + HJ 212 gateway on the chosen store.")
public class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--hj212-port", defaultValue = "9212",
            description = "HJ 212 TCP port (default: ${DEFAULT-VALUE}).")
    int hj212Port;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfigurableApplicationContext ctx = start(storeOptions, httpPort, hj212Port, quietFailure(spec));
        printUrls(ctx);
        return 0;
    }

    static ConfigurableApplicationContext start(StoreOptions store, int httpPort, int hj212Port,
                                                List<String> extra) {
        List<String> args = new ArrayList<>(List.of(store.toSpringArgs()));
        args.add("--server.port=" + httpPort);
        args.add("--envmon.hj212.port=" + hj212Port);
        args.addAll(extra);
        return SpringApplication.run(EnvmonApplication.class, args.toArray(String[]::new));
    }

    /**
     * Spring logs a failed start with its stack trace; the command line says it in one line instead (the failure
     * handler), so that log is silenced unless --verbose.
     */
    static List<String> quietFailure(picocli.CommandLine.Model.CommandSpec spec) {
        if (Failures.verbose(spec.root().commandLine().getParseResult())) {
            return List.of();
        }
        return List.of("--logging.level.org.springframework.boot.SpringApplication=OFF",
                "--logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF");
    }

    static void printUrls(ConfigurableApplicationContext ctx) {
        String http = ctx.getEnvironment().getProperty("local.server.port");
        String hj = ctx.getEnvironment().getProperty("envmon.hj212.bound-port");
        System.out.println();
        System.out.println("EnvMon is running.");
        System.out.println("  Portal       http://localhost:" + http + "/  (map, city ranking, live alerts)");
        System.out.println("  API          http://localhost:" + http + "/api/v1/sites");
        System.out.println("  Swagger UI   http://localhost:" + http + "/swagger-ui.html");
        System.out.println("  OpenAPI      http://localhost:" + http + "/v3/api-docs");
        System.out.println("  Metrics      http://localhost:" + http + "/actuator/prometheus");
        System.out.println("  HJ 212       tcp://localhost:" + hj);
        System.out.println("Stop with Ctrl+C.");
    }
}
