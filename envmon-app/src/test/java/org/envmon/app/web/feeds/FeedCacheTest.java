package org.envmon.app.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.envmon.testkit.MovableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The feeds' cache on its own: tags follow the content, the previous bytes are served while a rebuild runs. */
class FeedCacheTest {
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T04:00:00.250Z"));

    @Test
    void theTagAndTheTimeChangeWithTheContentOnly() throws Exception {
        FeedCache cache = new FeedCache(JsonMapper.builder().build(), Duration.ofHours(1), clock);
        AtomicReference<Object> body = new AtomicReference<>(Map.of("aqi", 50));
        AtomicInteger builds = new AtomicInteger();
        cache.register("stations", () -> {
            builds.incrementAndGet();
            return body.get();
        });
        FeedCache.Entry first = cache.get("stations");
        assertThat(first.etag()).startsWith("W/\"").endsWith("\"");
        assertThat(first.lastModified()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z")); // whole seconds (HTTP)
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(first.gzip())).readAllBytes()))
                .isEqualTo(new String(first.json())).isEqualTo("{\"aqi\":50}");
        assertThat(cache.get("stations")).isSameAs(first);
        assertThat(builds).hasValue(1);

        // a rebuild with the same content keeps tag and time: a client's conditional request stays a 304
        clock.advance(Duration.ofSeconds(60));
        cache.invalidate("stations");
        waitFor(() -> builds.get() == 2);
        assertThat(cache.get("stations").etag()).isEqualTo(first.etag());
        assertThat(cache.get("stations").lastModified()).isEqualTo(first.lastModified());

        // new content: a new tag and time, once the background rebuild is done
        body.set(Map.of("aqi", 120));
        cache.invalidate("stations");
        waitFor(() -> !cache.get("stations").etag().equals(first.etag()));
        assertThat(cache.get("stations").lastModified()).isEqualTo(Instant.parse("2026-12-07T04:01:00Z"));
        assertThat(new String(cache.get("stations").json())).isEqualTo("{\"aqi\":120}");
        // a feed never requested is not built by an invalidation
        cache.register("water", () -> {
            throw new AssertionError("not requested");
        });
        cache.invalidate("water");
    }

    @Test
    void anInvalidationDuringARebuildIsNotLost() throws Exception {
        FeedCache cache = new FeedCache(JsonMapper.builder().build(), Duration.ofHours(1), clock);
        AtomicReference<Object> body = new AtomicReference<>(Map.of("aqi", 50));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        cache.register("stations", () -> {
            Object b = body.get();
            if (builds.incrementAndGet() == 2) { // the first background rebuild: hold it while new data arrives
                started.countDown();
                await(release);
            }
            return b;
        });
        cache.get("stations");
        cache.invalidate("stations");
        await(started);
        body.set(Map.of("aqi", 120)); // new data while the rebuild that read the old data still runs
        cache.invalidate("stations");
        release.countDown();
        waitFor(() -> new String(cache.get("stations").json()).equals("{\"aqi\":120}"));
        assertThat(builds).hasValue(3);
        cache.close();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
