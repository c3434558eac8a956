package org.envmon.app.cli;

import java.nio.file.Path;
import org.envmon.store.StoreConfig;
import picocli.CommandLine.Option;

/** Which store a command works on: {@code --data-dir DIR} (embedded DuckDB) or {@code --store postgres --jdbc-url}. */
public class StoreOptions {
    @Option(names = "--data-dir", defaultValue = "./envmon-data", paramLabel = "DIR",
            description = "Data directory of the embedded store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--store", defaultValue = "duckdb", paramLabel = "ENGINE",
            description = "duckdb (embedded, default) or postgres.")
    String store;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/envmon?user=envmon")
    String jdbcUrl;

    StoreConfig toConfig() {
        return switch (store) {
            case "duckdb" -> StoreConfig.duckdb(dataDir);
            case "postgres" -> {
                if (jdbcUrl == null) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "--store postgres needs --jdbc-url");
                }
                yield StoreConfig.postgres(jdbcUrl);
            }
            default -> throw new IllegalArgumentException("unknown store '" + store + "'; expected duckdb or postgres");
        };
    }

    /** Spring properties equivalent to these options. */
    String[] toSpringArgs() {
        java.util.List<String> args = new java.util.ArrayList<>();
        args.add("--envmon.data-dir=" + dataDir);
        args.add("--envmon.store=" + store);
        if (jdbcUrl != null) {
            args.add("--envmon.jdbc-url=" + jdbcUrl);
        }
        return args.toArray(String[]::new);
    }
}
