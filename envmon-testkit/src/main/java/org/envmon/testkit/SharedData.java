package org.envmon.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The large real data sets beside the repository ({@code ../shared/data}). A user's clone has none of it, so a test
 * that needs it calls {@link #require(String)} inside the test (never in a static initializer): the test is skipped
 * with one clear message, unless {@value #REQUIRE_ENV} is {@code true} (CI), where a missing file fails it.
 *
 * <p>Where to look: the system property {@value #DIR_PROPERTY} (a {@code shared/data} folder), else
 * {@code ${envmon.repo.root}/../shared/data}, else {@code shared/data} or {@code ../shared/data} beside any parent of
 * the working directory. {@value #HIDE_PROPERTY}{@code =true} hides it, to run the suite as a fresh clone would.
 */
public final class SharedData {
    public static final String REQUIRE_ENV = "ENVMON_REQUIRE_SHARED";
    public static final String DIR_PROPERTY = "envmon.shared.dir";
    public static final String HIDE_PROPERTY = "envmon.shared.hide";

    private SharedData() {
    }

    /** The file or folder {@code relative} to {@code shared/data}, if present. */
    public static Optional<Path> find(String relative) {
        if (Boolean.getBoolean(HIDE_PROPERTY)) {
            return Optional.empty();
        }
        for (Path root : candidates()) {
            Path p = root.resolve(relative);
            if (Files.exists(p)) {
                return Optional.of(p.normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * The file or folder {@code relative} to {@code shared/data}; when absent the calling test is skipped, or fails
     * when {@value #REQUIRE_ENV} is set.
     */
    public static Path require(String relative) {
        Optional<Path> p = find(relative);
        if (p.isPresent()) {
            return p.get();
        }
        String message = "real data ../shared/data/" + relative + " not found (a clone without ../shared)";
        if (required()) {
            Assertions.fail(message + " and " + REQUIRE_ENV + " is set");
        }
        Assumptions.abort(message + ": skipped");
        throw new AssertionError("unreachable");
    }

    /** True where the shared data must be present (CI). */
    public static boolean required() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.equals("1") || v.toLowerCase(Locale.ROOT).equals("true"));
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            out.add(Path.of(dir));
            return out;
        }
        String root = System.getProperty("envmon.repo.root");
        if (root != null && !root.isBlank()) {
            out.add(Path.of(root).resolve("../shared/data"));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            out.add(p.resolve("shared/data"));
            out.add(p.resolve("../shared/data"));
        }
        return out;
    }
}
