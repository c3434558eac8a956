package org.envmon.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.envmon.store.PostgresTestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * The platform of one test class, as a static {@code @RegisterExtension} field: started before the class's
 * {@code @BeforeAll} methods, on DuckDB in a data directory of its own or on a PostgreSQL schema of its own (the class
 * is skipped where the server is unreachable, or fails where PostgreSQL is required), then set up; closed, and its
 * directory or schema dropped, after the {@code @AfterAll} methods.
 *
 * <pre>{@code
 * static RunningPlatform platform;
 * @RegisterExtension
 * static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> platform = p);
 * }</pre>
 */
public final class PlatformPerClass<P extends RunningPlatform> implements BeforeAllCallback, AfterAllCallback {
    /** What runs once the platform is up (assign it, load its data). */
    public interface SetUp<P> {
        void accept(P platform) throws Exception;
    }

    /** A property that names a file the test writes in the class's own directory before the start. */
    public interface FileProperty {
        String write(Path dir) throws IOException;
    }

    private final boolean postgres;
    private final Function<List<String>, P> start;
    private final List<String> properties;
    private final List<FileProperty> files = new ArrayList<>();
    private final List<SetUp<? super P>> setUps = new ArrayList<>();
    private P platform;
    private Path dir;
    private PostgresTestDatabase pg;

    private PlatformPerClass(boolean postgres, Function<List<String>, P> start, String... properties) {
        this.postgres = postgres;
        this.start = start;
        this.properties = List.of(properties);
    }

    /** On the embedded store; {@code properties} as {@code name=value}. */
    public static PlatformPerClass<RunningPlatform> duckdb(String... properties) {
        return new PlatformPerClass<>(false, RunningPlatform::start, properties);
    }

    /** On PostgreSQL. */
    public static PlatformPerClass<RunningPlatform> postgres(String... properties) {
        return new PlatformPerClass<>(true, RunningPlatform::start, properties);
    }

    /** A platform of another kind, started by {@code start} from the engine's properties and these. */
    public static <P extends RunningPlatform> PlatformPerClass<P> of(boolean postgres,
            Function<List<String>, P> start, String... properties) {
        return new PlatformPerClass<>(postgres, start, properties);
    }

    /** Adds a step to run, in order, once the platform is up. */
    public PlatformPerClass<P> then(SetUp<? super P> setUp) {
        setUps.add(setUp);
        return this;
    }

    /** Adds a property naming a file written before the start (e.g. {@link RunningPlatform#onlyPm25ThresholdRule}). */
    public PlatformPerClass<P> with(FileProperty file) {
        files.add(file);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        List<String> all = new ArrayList<>();
        if (postgres) {
            pg = PostgresTestDatabase.create();
            all.add("envmon.store=postgres");
            all.add("envmon.jdbc-url=" + pg.url());
        }
        dir = Files.createTempDirectory("envmon-platform");
        all.add("envmon.data-dir=" + dir); // the store's file on DuckDB; nothing of the test left in the work tree
        all.addAll(properties);
        for (FileProperty f : files) {
            all.add(f.write(dir));
        }
        platform = start.apply(all);
        for (SetUp<? super P> s : setUps) {
            s.accept(platform);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (platform != null) {
            platform.close();
            platform = null;
        }
        if (pg != null) {
            pg.close();
            pg = null;
        }
        if (dir != null) {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    public P get() {
        return platform;
    }

    /** The class's own directory: the data directory (the DuckDB store's file), and where its files are written. */
    public Path dir() {
        return dir;
    }
}
