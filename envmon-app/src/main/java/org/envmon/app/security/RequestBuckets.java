package org.envmon.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Token buckets (Bucket4j) by client key, kept in a bounded cache: the least recently used are dropped, so a flood
 * of addresses or tokens cannot grow memory, and an idle client's bucket is forgotten once it would be full again.
 */
final class RequestBuckets {
    private final Cache<String, Bucket> buckets;

    RequestBuckets(int maxClients, Duration idle) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idle).build();
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @return 0 when it was allowed, else the seconds until one is available again (at least 1)
     */
    long take(String key, Supplier<Bucket> bucket) {
        ConsumptionProbe probe = buckets.get(key, k -> bucket.get()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Seconds until the key's bucket has one again, 0 when it has one now (nothing is taken). */
    long waitFor(String key) {
        Bucket b = buckets.getIfPresent(key);
        if (b == null) {
            return 0;
        }
        var estimate = b.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
    }

    void forget(String key) {
        buckets.invalidate(key);
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** {@code perMinute} requests a minute, refilled continuously, bursts up to a minute's worth. */
    static Bucket perMinute(int perMinute) {
        return Bucket.builder().addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
