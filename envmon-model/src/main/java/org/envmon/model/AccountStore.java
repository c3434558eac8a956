package org.envmon.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * User accounts and API tokens. The store keeps hashes only (passwords encoded by the application, token secrets
 * hashed); it never sees a password or a token secret.
 */
public interface AccountStore {

    /**
     * Adds an account.
     *
     * @throws StoreException when an account of that name exists or the database fails
     */
    void addUser(Account account);

    Optional<Account> user(String name);

    /** Every account, by name. */
    List<Account> users();

    /** @return false when there is no such account */
    boolean setEnabled(String name, boolean enabled);

    /** @return false when there is no such account */
    boolean setPasswordHash(String name, String passwordHash);

    /**
     * Stores a new token (its {@code id} is ignored) and returns it with the id the store gave it.
     *
     * @throws StoreException when the owner does not exist, the hash is already stored, or the database fails
     */
    ApiToken addToken(ApiToken token);

    /** The token whose secret has this hash (revoked or expired ones too: the caller decides). */
    Optional<ApiToken> tokenByHash(String secretHash);

    /** Every token (also revoked ones), by id; of one owner, or of everyone when {@code owner} is null. */
    List<ApiToken> tokens(String owner);

    /** @return false when there is no such token or it was already revoked */
    boolean revokeToken(long id);

    /** Records a use of the token. */
    void touchToken(long id, Instant usedAt);

    /**
     * The sites an account is linked to, by code: a maintainer's assigned stations, an enterprise's own sources.
     * Empty for an unknown account.
     */
    List<String> sites(String account);

    /**
     * Replaces the sites linked to an account.
     *
     * @throws StoreException when the account does not exist or the database fails
     */
    void setSites(String account, List<String> siteCodes);

    /**
     * The media an account's grant covers (an analyst's: a division and these media). Empty = every medium, and for
     * an unknown account.
     */
    List<Medium> media(String account);

    /**
     * Replaces the media an account's grant covers (empty = every medium).
     *
     * @throws StoreException when the account does not exist or the database fails
     */
    void setMedia(String account, Collection<Medium> media);
}
