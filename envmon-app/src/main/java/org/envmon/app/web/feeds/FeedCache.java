package org.envmon.app.web.feeds;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
 * content last changed. An entry is rebuilt in the background when {@link #invalidate} is called (new derived data)
 * or when it is older than the TTL, and requests keep getting the previous bytes until the rebuild is done (a
 * national feed takes a few hundred milliseconds to build; no request waits for it but the very first). An entry
 * not read for ten TTLs is dropped. A rebuild that yields the same JSON keeps its tag and time, so a client's
 * conditional request still gets a 304.
 */
public final class FeedCache {

    /** A serialised feed. {@code etag} is weak: the gzip and identity representations share it. */
    public record Entry(byte[] json, byte[] gzip, String etag, Instant lastModified) {
    }

    private final LoadingCache<String, Entry> cache;
    private final Map<String, Supplier<Object>> feeds = new ConcurrentHashMap<>();
    private final Map<String, Entry> previous = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Clock clock;

    public FeedCache(JsonMapper json, Duration ttl, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(ttl).expireAfterAccess(ttl.multipliedBy(10))
                .maximumSize(16).build(k -> build(k, feeds.get(k).get()));
    }

    /** Names a feed and how its body is built. */
    public void register(String key, Supplier<Object> body) {
        feeds.put(key, body);
    }

    /** The entry of a registered feed (built on the calling thread only when there is none yet). */
    public Entry get(String key) {
        return cache.get(key);
    }

    /** Rebuilds these feeds in the background if cached; requests get the previous bytes meanwhile. */
    public void invalidate(String... keys) {
        for (String key : keys) {
            if (cache.asMap().containsKey(key)) {
                cache.refresh(key);
            }
        }
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
