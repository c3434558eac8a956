package org.envmon.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.envmon.model.Account;
import org.envmon.model.AccountStore;
import org.envmon.model.ApiToken;
import org.envmon.model.Medium;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates and changes accounts and API tokens over the store; used by the API and by the command line (which has no
 * Spring context). Passwords are encoded by Spring Security's {@code DelegatingPasswordEncoder} (bcrypt); a token's
 * secret is 32 random bytes, stored as its SHA-256 (a slow KDF adds nothing to a secret of that entropy and would
 * cost every request).
 */
public class AccountService {
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 10;
    /** bcrypt reads at most 72 bytes of a password; longer ones are refused rather than cut silently. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** Every token starts with this, so that a leaked one is recognisable (secret scanners). */
    public static final String TOKEN_PREFIX = "envmon_";
    /** Longest Authorization value looked at; anything longer is refused without a lookup. */
    static final int MAX_TOKEN = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public AccountService(AccountStore accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** With Spring Security's default delegating encoder (bcrypt) and the system clock. */
    public static AccountService standard(AccountStore accounts) {
        return new AccountService(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Clock.systemUTC());
    }

    /** A new token and its secret, which is shown once and never stored. */
    public record NewToken(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "NewToken[" + token.id() + " " + token.name() + "]";
        }
    }

    public Account addUser(String name, String password, String role, Division division) {
        checkPassword(password);
        Account a = new Account(name, encoder.encode(password), role, division.level(), division.name(), true,
                clock.instant());
        accounts.addUser(a);
        return a;
    }

    public List<Account> users() {
        return accounts.users();
    }

    public java.util.Optional<Account> user(String name) {
        return accounts.user(name);
    }

    /** A generated password: 18 random bytes, URL-safe Base64 (24 characters), shown once to whoever asked. */
    public static String generatedPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** @return false when there is no such account */
    public boolean setEnabled(String name, boolean enabled) {
        return accounts.setEnabled(name, enabled);
    }

    /** @return false when there is no such account */
    public boolean resetPassword(String name, String password) {
        checkPassword(password);
        return accounts.setPasswordHash(name, encoder.encode(password));
    }

    /**
     * A token for {@code owner}.
     *
     * @param role     the token's role; null = the owner's. Only an admin's token may carry another role.
     * @param validity null = does not expire
     * @throws IllegalArgumentException for an unknown or disabled owner, or a role above the owner's
     */
    public NewToken createToken(String owner, String name, String role, Duration validity) {
        Account o = accounts.user(owner).filter(Account::enabled).orElseThrow(() -> new IllegalArgumentException(
                "no enabled account named " + owner));
        String r = role == null ? o.role() : role;
        if (!r.equals(o.role()) && !o.role().equals("admin")) {
            throw new IllegalArgumentException("a token of " + owner + " can only have the role " + o.role());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ApiToken t = accounts.addToken(new ApiToken(0, name, hash(secret), owner, r, now,
                validity == null ? null : now.plus(validity), null, false));
        return new NewToken(t, secret);
    }

    public List<ApiToken> tokens(String owner) {
        return accounts.tokens(owner);
    }

    /** @return false when there is no such token or it was revoked already */
    public boolean revokeToken(long id) {
        return accounts.revokeToken(id);
    }

    /** The sites linked to an account: a maintainer's assigned stations, an enterprise's own sources. */
    public List<String> sites(String account) {
        return accounts.sites(account);
    }

    /**
     * Links sites to a maintainer or an enterprise (others are scoped by their division, not by sites).
     *
     * @throws IllegalArgumentException for an unknown account or one of another role
     */
    public void setSites(String account, List<String> siteCodes) {
        Account a = accounts.user(account).orElseThrow(() -> new IllegalArgumentException("no account named "
                + account));
        if (!a.role().equals(EndpointRules.MAINTAINER) && !a.role().equals(EndpointRules.ENTERPRISE)) {
            throw new IllegalArgumentException("sites are linked to a maintainer or an enterprise; " + account
                    + " is " + a.role() + " (scoped by its division)");
        }
        accounts.setSites(account, siteCodes);
    }

    /** The media an account's grant covers (empty = every medium). */
    public List<Medium> media(String account) {
        return accounts.media(account);
    }

    /**
     * Grants media to an analyst within its division (empty = every medium): a data-sharing partner of the water
     * department reads water sites only.
     *
     * @throws IllegalArgumentException for an unknown account or one of another role
     */
    public void setMedia(String account, Collection<Medium> media) {
        Account a = accounts.user(account).orElseThrow(() -> new IllegalArgumentException("no account named "
                + account));
        if (!a.role().equals(EndpointRules.ANALYST)) {
            throw new IllegalArgumentException("media are granted to an analyst; " + account + " is " + a.role()
                    + " (scoped by its division or sites)");
        }
        accounts.setMedia(account, media);
    }

    /** The hex SHA-256 of a token secret: what the store keeps and looks up. */
    public static String hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password may have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
    }
}
