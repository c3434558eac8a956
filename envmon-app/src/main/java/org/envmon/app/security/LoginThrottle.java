package org.envmon.app.security;

import io.github.bucket4j.Bucket;
import java.util.Locale;

/**
 * Throttles password guessing on the login form: after {@code maxFailures} failed logins of one user name, or from
 * one address, within the window, further attempts are refused until the window has passed. Counted with Bucket4j
 * buckets (one token per allowed failure, all given back at the end of each window) in a bounded cache.
 */
public class LoginThrottle {
    private final EnvmonSecurityProperties.LoginThrottle settings;
    private final RequestBuckets buckets;

    public LoginThrottle(EnvmonSecurityProperties.LoginThrottle settings, int maxClients) {
        this.settings = settings;
        this.buckets = new RequestBuckets(maxClients, settings.window().multipliedBy(2));
    }

    /** Seconds until a login of this name from this address may be tried again, 0 when it may be now. */
    public long refusedFor(String name, String address) {
        if (settings.maxFailures() <= 0) {
            return 0;
        }
        return Math.max(buckets.waitFor(nameKey(name)), buckets.waitFor("address:" + address));
    }

    public void failed(String name, String address) {
        if (settings.maxFailures() <= 0) {
            return;
        }
        buckets.take(nameKey(name), this::bucket);
        buckets.take("address:" + address, this::bucket);
    }

    /** A successful login forgets the name's failures (the address's stay: it may be guessing other names). */
    public void succeeded(String name) {
        buckets.forget(nameKey(name));
    }

    private Bucket bucket() {
        int n = settings.maxFailures();
        return Bucket.builder().addLimit(l -> l.capacity(n).refillIntervally(n, settings.window())).build();
    }

    private static String nameKey(String name) {
        return "user:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }
}
