package org.envmon.hj212;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.envmon.testkit.SharedData;

/**
 * Real HJ 212 data for the tests: the slices shipped under {@code src/test/resources/org/envmon/hj212/realdata}
 * (always there, see its README), and the full files of {@code ../shared/data/hj212} (the test is skipped without
 * them, or fails where CI requires them).
 */
final class TestData {

    private TestData() {
    }

    /** Lines of a shipped file (samples.txt, samples-index.tsv, the capture slices), UTF-8. */
    static List<String> lines(String name) throws IOException {
        return readLines(shipped(name), StandardCharsets.UTF_8).stream().map(b -> new String(b, StandardCharsets.UTF_8))
            .toList();
    }

    /** Lines of a shipped file as raw bytes, so that every byte of a malformed frame survives. */
    static List<byte[]> rawLines(String name) throws IOException {
        return readLines(shipped(name), StandardCharsets.ISO_8859_1);
    }

    /** Lines of a file of the full shared data set (UTF-8); skips the test without it. */
    static List<String> sharedLines(String name) throws IOException {
        return Files.readAllLines(SharedData.require("hj212/" + name), StandardCharsets.UTF_8);
    }

    /** Lines of a gzip file of the shared data set as raw bytes (CR/LF removed); skips the test without it. */
    static List<byte[]> sharedGzLines(String name) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.require("hj212/" + name)), 1 << 16);
        return readLines(in, StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream shipped(String name) {
        InputStream in = TestData.class.getResourceAsStream("realdata/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("test resource realdata/" + name + " missing"));
        }
        return in;
    }

    private static List<byte[]> readLines(InputStream stream, Charset charset) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = stream;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, charset), 1 << 16)) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l.getBytes(charset));
            }
        }
        return out;
    }
}
