package org.envmon.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token of a machine client. Only a hash of its secret is kept ({@link #secretHash}): the secret is shown
 * once when created. A token acts for its owner with at most the owner's rights ({@link #role}).
 *
 * @param id         assigned by the store ({@code 0} before it is created)
 * @param expiresAt  null = does not expire
 * @param lastUsedAt null = never used (updated at most every few seconds, not on every request)
 */
public record ApiToken(long id, String name, String secretHash, String owner, String role, Instant createdAt,
                       Instant expiresAt, Instant lastUsedAt, boolean revoked) {
    /** Longest token name. */
    public static final int MAX_NAME = 100;

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("token name must be 1 to " + MAX_NAME + " characters");
        }
        if (!Account.ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; expected one of " + Account.ROLES);
        }
    }

    /** Usable at {@code now}: not revoked and not expired. */
    public boolean usableAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }
}
