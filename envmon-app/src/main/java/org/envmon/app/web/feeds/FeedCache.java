package org.envmon.app.web.feeds;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feeds as ready bytes: serialised once, gzipped once, with an entity tag (a hash of the JSON) and the time the
 * content last changed. Entries live until {@link #invalidate} (new derived data) or the TTL, whichever comes first;
 * a rebuild that yields the same JSON keeps its tag and time, so a client's conditional request still gets a 304.
 */
public final class FeedCache {

    /** A serialised feed. {@code etag} is weak: the gzip and identity representations share it. */
    public record Entry(byte[] json, byte[] gzip, String etag, Instant lastModified) {
    }

    private final Cache<String, Entry> cache;
    private final Map<String, Entry> previous = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Clock clock;

    public FeedCache(JsonMapper json, Duration ttl, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(16).build();
    }

    /** The entry of a feed, built by {@code body} when missing (one builder at a time per key). */
    public Entry get(String key, Supplier<Object> body) {
        return cache.get(key, k -> build(k, body.get()));
    }

    /** Drops every entry: the next request rebuilds from the stores. */
    public void invalidate() {
        cache.invalidateAll();
    }

    private Entry build(String key, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        String etag = "W/\"" + hash(bytes) + "\"";
        Entry before = previous.get(key);
        if (before != null && before.etag().equals(etag)) {
            return before;
        }
        // HTTP dates have whole seconds: a finer time would never compare equal to If-Modified-Since.
        Entry e = new Entry(bytes, gzip(bytes), etag, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        previous.put(key, e);
        return e;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
