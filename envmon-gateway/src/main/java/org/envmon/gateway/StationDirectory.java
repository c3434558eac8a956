package org.envmon.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;

/**
 * Authenticates stations by MN and PW (HJ 212-2017 §6.3.2: PW is sent with every packet). A successful (MN, PW)
 * pair is cached so the salted hash is checked once, not per packet; a site changed in the store is seen again once
 * its cache entry expires. Unknown MNs are cached briefly too, so a flood of strangers does not hit the store.
 */
public final class StationDirectory {
    public enum Verdict { ACCEPTED, UNKNOWN_MN, WRONG_PASSWORD }

    public record Authentication(Verdict verdict, String siteCode) {
    }

    private record Entry(String password, String siteCode, Instant expires) {
    }

    private static final Duration POSITIVE_TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 200_000;

    private final SiteStore sites;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> unknown = new ConcurrentHashMap<>();

    public StationDirectory(SiteStore sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    public Authentication authenticate(String mn, String pw) {
        Instant now = clock.instant();
        Entry e = verified.get(mn);
        if (e != null && e.expires.isAfter(now) && e.password.equals(pw)) {
            return new Authentication(Verdict.ACCEPTED, e.siteCode);
        }
        Instant u = unknown.get(mn);
        if (u != null && u.isAfter(now)) {
            return new Authentication(Verdict.UNKNOWN_MN, null);
        }
        Optional<Site> site = sites.byMn(mn);
        if (site.isEmpty()) {
            if (unknown.size() < MAX_ENTRIES) {
                unknown.put(mn, now.plus(NEGATIVE_TTL));
            }
            return new Authentication(Verdict.UNKNOWN_MN, null);
        }
        unknown.remove(mn);
        if (!PasswordHash.verify(pw, site.get().passwordHash())) {
            return new Authentication(Verdict.WRONG_PASSWORD, site.get().code());
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(mn, new Entry(pw, site.get().code(), now.plus(POSITIVE_TTL)));
        return new Authentication(Verdict.ACCEPTED, site.get().code());
    }

    /** Forgets what is cached of a station (its password was changed): its next packet is checked against the store. */
    public void forget(String mn) {
        if (mn != null) {
            verified.remove(mn);
            unknown.remove(mn);
        }
    }
}
