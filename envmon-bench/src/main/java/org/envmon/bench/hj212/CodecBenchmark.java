package org.envmon.bench.hj212;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.envmon.hj212.Hj212Crc;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * HJ 212 decode throughput on the real 2016-08-24 capture (190,463 frames in HJ/T 212-2005 framing, 190,365
 * re-framed as HJ 212-2017), single thread. One operation = one frame: header, length, CRC (Annex A), header fields,
 * full CP parse to typed values, 2005->2017 code mapping.
 *
 * <p>Data directory: system property {@code envmon.hj212.capture} (forwarded to the fork), else
 * {@code ../shared/data/hj212/real-capture-2016} or {@code shared/data/hj212/real-capture-2016} relative to the
 * working directory. Run from the repository root:
 * {@code java -jar envmon-bench/target/envmon-bench.jar CodecBenchmark -f 1 -wi 2 -w 3s -i 3 -r 5s}
 *
 * <p>{@code naiveSplitParse} is a reference "plain" parser (String + split + parseDouble, byte-wise CRC) to put the
 * numbers in context; it does less validation than the decoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    static final int FRAMES_PER_OP = 190_365;

    @Param({"2005", "2017"})
    public String framing;

    private byte[][] frames;
    private final Hj212Decoder decoder = new Hj212Decoder();

    @Setup(Level.Trial)
    public void load() throws IOException {
        String name = framing.equals("2005") ? "capture-2016-08-24-hjt212-2005.txt.gz"
            : "capture-2016-08-24-as-hj212-2017.txt.gz";
        Path file = dataDir().resolve(name);
        List<byte[]> out = new ArrayList<>(200_000);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        // exactly FRAMES_PER_OP frames per invocation (the 2005 file has 98 more lines, malformed ones included)
        frames = out.subList(0, FRAMES_PER_OP).toArray(new byte[0][]);
    }

    static Path dataDir() {
        String p = System.getProperty("envmon.hj212.capture");
        if (p != null) {
            return Path.of(p);
        }
        for (String c : new String[] {"../shared/data/hj212/real-capture-2016", "shared/data/hj212/real-capture-2016",
            "../../shared/data/hj212/real-capture-2016"}) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("capture not found; set -Denvmon.hj212.capture=<dir>");
    }

    /** Full decode of every frame; result frames/s. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_OP)
    public void decode(Blackhole bh) {
        final Hj212Decoder d = decoder;
        for (byte[] f : frames) {
            Hj212Result r = d.decode(f);
            bh.consume(r);
        }
    }

    /** CRC16 (Annex A) alone over every data segment; result frames/s. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_OP)
    public void crcOnly(Blackhole bh) {
        for (byte[] f : frames) {
            bh.consume(Hj212Crc.crc16(f, 6, Math.max(0, f.length - 10)));
        }
    }

    /** A plain split-based parser for comparison; result frames/s. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_OP)
    public void naiveSplitParse(Blackhole bh) {
        for (byte[] f : frames) {
            bh.consume(naive(f));
        }
    }

    static Map<String, Object> naive(byte[] f) {
        String s = new String(f, StandardCharsets.ISO_8859_1);
        if (!s.startsWith("##") || s.length() < 10) {
            return null;
        }
        String data = s.substring(6, s.length() - 4);
        int reg = 0xFFFF;
        for (int i = 0; i < data.length(); i++) {
            reg = (reg >>> 8) ^ data.charAt(i);
            for (int k = 0; k < 8; k++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        if (!String.format("%04X", reg).equalsIgnoreCase(s.substring(s.length() - 4))) {
            return null;
        }
        Map<String, Object> m = new HashMap<>();
        int cp = data.indexOf("CP=&&");
        if (cp < 0) {
            return null;
        }
        for (String kv : data.substring(0, cp).split(";")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p.length > 1 ? p[1] : "");
        }
        String body = data.substring(cp + 5, Math.max(cp + 5, data.length() - 2));
        for (String item : body.split(";")) {
            for (String field : item.split(",")) {
                String[] p = field.split("=", 2);
                if (p.length == 2) {
                    try {
                        m.put(p[0], p[0].contains("-") && !p[0].endsWith("Flag") ? (Object) Double.parseDouble(p[1]) : p[1]);
                    } catch (NumberFormatException e) {
                        m.put(p[0], p[1]);
                    }
                }
            }
        }
        return m;
    }
}
