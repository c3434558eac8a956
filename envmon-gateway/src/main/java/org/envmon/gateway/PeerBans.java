package org.envmon.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per peer address in one-minute windows, and the addresses banned for exceeding
 * {@link AuthFailureLimit}. Bounded: beyond {@link #MAX_PEERS} addresses, windows that ban nothing are dropped first.
 */
final class PeerBans {
    static final int MAX_PEERS = 100_000;

    private record Window(long minute, int failures, long bannedUntil) {
    }

    private final AuthFailureLimit limit;
    private final Clock clock;
    private final ConcurrentHashMap<InetAddress, Window> peers = new ConcurrentHashMap<>();

    PeerBans(AuthFailureLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    static InetAddress address(SocketAddress remote) {
        return remote instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    /** Whether the address is banned now. */
    boolean banned(InetAddress peer) {
        if (peer == null || !limit.enabled()) {
            return false;
        }
        Window w = peers.get(peer);
        return w != null && w.bannedUntil > clock.millis();
    }

    /** Counts one failed authentication; true when the address is banned from now on (it just crossed the limit). */
    boolean failed(InetAddress peer) {
        if (peer == null || !limit.enabled()) {
            return false;
        }
        long now = clock.millis();
        long minute = now / 60_000;
        boolean[] crossed = new boolean[1];
        peers.compute(peer, (k, old) -> {
            if (old != null && old.bannedUntil > now) {
                return old;
            }
            int n = old != null && old.minute == minute ? old.failures + 1 : 1;
            if (n > limit.failuresPerMinute()) {
                crossed[0] = true;
                return new Window(minute, 0, now + limit.ban().toMillis());
            }
            return new Window(minute, n, 0);
        });
        if (peers.size() > MAX_PEERS) {
            peers.values().removeIf(w -> w.bannedUntil <= now);
        }
        return crossed[0];
    }

    /** Addresses banned now. */
    long bannedCount() {
        long now = clock.millis();
        return peers.values().stream().filter(w -> w.bannedUntil > now).count();
    }
}
