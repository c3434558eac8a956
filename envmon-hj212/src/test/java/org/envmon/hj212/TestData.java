package org.envmon.hj212;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Locates the shared HJ 212 data set: ${envmon.repo.root}/../shared/data/hj212, else relative to the working dir. */
final class TestData {

    private TestData() {
    }

    static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("envmon.repo.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Path.of(root).resolve("../shared/data/hj212"));
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            candidates.add(p.resolve("shared/data/hj212"));
            candidates.add(p.resolve("../shared/data/hj212"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("samples.txt"))) {
                return c.normalize();
            }
        }
        // Without the real data (a clone without ../shared) these tests are skipped, with the reason; CI has it.
        org.junit.jupiter.api.Assumptions.abort("real HJ 212 data (../shared/data/hj212) not found; looked in "
                + candidates);
        throw new AssertionError("unreachable");
    }

    static List<String> lines(String name) throws IOException {
        return Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8);
    }

    /** Lines of a gzip file as raw bytes (line terminators CR/LF removed), ISO-8859-1 so every byte survives. */
    static List<byte[]> gzLines(String name) throws IOException {
        List<byte[]> out = new ArrayList<>(200_000);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir().resolve(name)), 1 << 16);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
