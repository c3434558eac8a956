package org.envmon.app.web.feeds;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feeds as ready bytes: serialised once, gzipped once, with an entity tag (a hash of the JSON) and the time the
 * content last changed. An entry is rebuilt in the background when {@link #invalidate} is called (new derived data)
 * or when it is older than the TTL, and requests keep getting the previous bytes until the rebuild is done (a
 * national feed takes a few hundred milliseconds to build; no request waits for it but the very first). An
 * invalidation that arrives while a rebuild runs schedules one more, so the newest data is never left out. A rebuild
 * that yields the same JSON keeps its tag and time, so a client's conditional request still gets a 304.
 */
public final class FeedCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedCache.class);

    /** A serialised feed. {@code etag} is weak: the gzip and identity representations share it. */
    public record Entry(byte[] json, byte[] gzip, String etag, Instant lastModified) {
    }

    private record Slot(Entry entry, Instant builtAt) {
    }

    private final Map<String, Supplier<Object>> feeds = new ConcurrentHashMap<>();
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feed-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final JsonMapper json;
    private final Duration ttl;
    private final Clock clock;

    public FeedCache(JsonMapper json, Duration ttl, Clock clock) {
        this.json = json;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Names a feed and how its body is built. */
    public void register(String key, Supplier<Object> body) {
        feeds.put(key, body);
    }

    /** The entry of a registered feed (built on the calling thread only when there is none yet). */
    public Entry get(String key) {
        Slot slot = slots.computeIfAbsent(key, k -> build(k, null));
        if (clock.instant().isAfter(slot.builtAt().plus(ttl))) {
            invalidate(key);
        }
        return slot.entry();
    }

    /** Rebuilds these feeds in the background if built before; requests get the previous bytes meanwhile. */
    public void invalidate(String... keys) {
        for (String key : keys) {
            // the mark is cleared when a rebuild starts, so a later invalidation schedules another one
            if (slots.containsKey(key) && pending.add(key)) {
                rebuilds.execute(() -> rebuild(key));
            }
        }
    }

    private void rebuild(String key) {
        pending.remove(key);
        try {
            slots.put(key, build(key, slots.get(key)));
        } catch (RuntimeException e) {
            log.warn("feed {} not rebuilt, the previous copy is still served: {}", key, e.toString());
        }
    }

    private Slot build(String key, Slot before) {
        Supplier<Object> body = feeds.get(key);
        if (body == null) {
            throw new IllegalArgumentException("no feed " + key);
        }
        byte[] bytes = json.writeValueAsBytes(body.get());
        String etag = "W/\"" + hash(bytes) + "\"";
        Instant now = clock.instant();
        if (before != null && before.entry().etag().equals(etag)) {
            return new Slot(before.entry(), now);
        }
        // HTTP dates have whole seconds: a finer time would never compare equal to If-Modified-Since.
        return new Slot(new Entry(bytes, gzip(bytes), etag, now.truncatedTo(ChronoUnit.SECONDS)), now);
    }

    @Override
    public void close() {
        rebuilds.shutdownNow();
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
