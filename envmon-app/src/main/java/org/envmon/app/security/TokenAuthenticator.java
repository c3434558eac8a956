package org.envmon.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.envmon.model.Account;
import org.envmon.model.AccountStore;
import org.envmon.model.ApiToken;
import org.envmon.model.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a bearer token to its principal, with a cache keyed by the secret's hash: a hit costs no store access,
 * and a token revoked (or its owner disabled) stops working at most {@code ttl} later. Unknown secrets are cached
 * too, so that a client repeating a bad token does not reach the store each time. The last-used time is written
 * once per cache load, not per request.
 */
public class TokenAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

    /** A cached lookup: the principal and until when the token is valid (null = no expiry), or none. */
    private record Entry(EnvmonUser user, Instant expiresAt) {
    }

    private static final Entry NONE = new Entry(null, null);

    private final AccountStore accounts;
    private final Clock clock;
    private final Cache<String, Entry> cache;

    public TokenAuthenticator(AccountStore accounts, Clock clock, Duration ttl) {
        this.accounts = accounts;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** The principal of a usable token, or empty (unknown, revoked, expired, owner disabled or gone). */
    public Optional<EnvmonUser> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > AccountService.MAX_TOKEN) {
            return Optional.empty();
        }
        Entry e = cache.get(AccountService.hash(secret), this::load);
        if (e.user == null || (e.expiresAt != null && !clock.instant().isBefore(e.expiresAt))) {
            return Optional.empty();
        }
        return Optional.of(e.user);
    }

    /** Forgets every cached lookup (after a revocation in this process). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private Entry load(String hash) {
        Instant now = clock.instant();
        Optional<ApiToken> token = accounts.tokenByHash(hash).filter(t -> t.usableAt(now));
        if (token.isEmpty()) {
            return NONE;
        }
        ApiToken t = token.get();
        Optional<Account> owner = accounts.user(t.owner()).filter(Account::enabled);
        if (owner.isEmpty()) {
            return NONE;
        }
        try {
            accounts.touchToken(t.id(), now);
        } catch (StoreException ex) {
            log.warn("could not record the use of token {}: {}", t.id(), ex.getMessage());
        }
        Account o = owner.get();
        return new Entry(new EnvmonUser(o.name(), "", t.role(), Division.of(o), true, t.name(),
                Set.copyOf(accounts.sites(o.name())), Set.copyOf(accounts.media(o.name()))), t.expiresAt());
    }
}
