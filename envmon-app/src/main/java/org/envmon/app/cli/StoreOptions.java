package org.envmon.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.model.StoreLockedException;
import org.envmon.store.Stores;
import org.envmon.store.duckdb.DuckDbEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which store a command works on: {@code --data-dir DIR} (embedded DuckDB) or {@code --store postgres --jdbc-url}.
 * Without {@code --data-dir} the store is {@code ./envmon-data}; a command that needs existing data (verify, report,
 * recompute) falls back to the demo's store {@code ./envmon-data/demo} when {@code ./envmon-data} holds none. Every
 * command names the store it opens on the first line of stderr ({@code store: ...}).
 */
public class StoreOptions {
    static final Path DEFAULT_DIR = Path.of("envmon-data");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded store (default: ./envmon-data; commands that read existing"
                    + " data use the demo's ./envmon-data/demo when ./envmon-data holds no store).")
    Path dataDir;

    @Option(names = "--store", defaultValue = "duckdb", paramLabel = "ENGINE",
            description = "duckdb (embedded, default) or postgres.")
    String store;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/envmon?user=envmon")
    String jdbcUrl;

    /** Opens the store, creating an embedded one if there is none (for commands that put data in). */
    Store openOrCreate() {
        return open(false);
    }

    /** Opens a store that must already hold data ({@link CannotRun} if there is no embedded store there). */
    Store openExisting() {
        return open(true);
    }

    private Store open(boolean existing) {
        StoreConfig config = toConfig(existing);
        System.err.println("store: " + describe(config, existing));
        try {
            return Stores.open(config);
        } catch (StoreLockedException e) {
            boolean verify = spec != null && spec.name().equals("verify");
            throw new CannotRun(e.getMessage() + ", probably a running 'envmon serve' or 'envmon demo'; "
                    + (verify ? "verify through it with --server http://HOST:PORT, or stop it first"
                            : "stop it first"), e);
        }
    }

    StoreConfig toConfig(boolean existing) {
        return switch (store) {
            case "duckdb" -> {
                Path dir = dataDir(existing);
                if (existing && !Files.exists(dir.resolve(DuckDbEngine.FILE_NAME))) {
                    throw new CannotRun("no store in " + dir.toAbsolutePath().normalize() + " (no "
                            + DuckDbEngine.FILE_NAME + " there); give --data-dir DIR, or import data first");
                }
                yield StoreConfig.duckdb(dir);
            }
            case "postgres" -> {
                if (jdbcUrl == null) {
                    throw new ParameterException(spec.commandLine(), "--store postgres needs --jdbc-url");
                }
                yield StoreConfig.postgres(jdbcUrl);
            }
            default -> throw new ParameterException(spec.commandLine(),
                    "unknown store '" + store + "'; expected duckdb or postgres");
        };
    }

    /** The data directory: --data-dir, else the default ({@link #defaultDataDir}). */
    Path dataDir(boolean existing) {
        return dataDir != null ? dataDir : defaultDataDir(Path.of(""), existing);
    }

    /** The default under {@code base} (the working directory): the demo's store only for reading, only if alone. */
    static Path defaultDataDir(Path base, boolean existing) {
        if (existing && !holdsStore(base.resolve(DEFAULT_DIR)) && holdsStore(base.resolve(DemoCommand.DEFAULT_DIR))) {
            return base.resolve(DemoCommand.DEFAULT_DIR);
        }
        return base.resolve(DEFAULT_DIR);
    }

    private static boolean holdsStore(Path dir) {
        return Files.exists(dir.resolve(DuckDbEngine.FILE_NAME));
    }

    private String describe(StoreConfig config, boolean existing) {
        if (config.jdbcUrl() != null) {
            return "postgres " + config.jdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1***");
        }
        Path file = config.dataDir().resolve(DuckDbEngine.FILE_NAME).toAbsolutePath().normalize();
        String note = "";
        if (dataDir == null && config.dataDir().equals(DemoCommand.DEFAULT_DIR)) {
            note = " (the demo's store, emptied by each 'envmon demo'; --data-dir to choose another)";
        } else if (!Files.exists(file)) {
            note = " (new)";
        }
        return "duckdb " + file + note;
    }

    /** Spring properties equivalent to these options (the server creates the store if there is none). */
    String[] toSpringArgs() {
        StoreConfig config = toConfig(false);
        System.err.println("store: " + describe(config, false));
        java.util.List<String> args = new java.util.ArrayList<>();
        args.add("--envmon.data-dir=" + dataDir(false));
        args.add("--envmon.store=" + store);
        if (jdbcUrl != null) {
            args.add("--envmon.jdbc-url=" + jdbcUrl);
        }
        return args.toArray(String[]::new);
    }
}
