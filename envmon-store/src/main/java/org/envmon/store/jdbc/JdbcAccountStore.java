package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.envmon.model.Account;
import org.envmon.model.AccountStore;
import org.envmon.model.ApiToken;
import org.envmon.model.Medium;
import org.envmon.model.StoreException;

/** Accounts and API tokens over portable SQL (tables {@code accounts}, {@code api_tokens}, migration V10;
 * {@code account_sites}, V15; {@code account_media}, V16). */
public final class JdbcAccountStore implements AccountStore {
    private static final String USER_COLUMNS = "name, password_hash, role, division_level, division_name, enabled,"
            + " created_at";
    private static final String TOKEN_COLUMNS = "id, name, secret_hash, owner, role, created_at, expires_at,"
            + " last_used_at, revoked";
    private static final String SELECT_USERS = "SELECT " + USER_COLUMNS + " FROM accounts";
    private static final String SELECT_TOKENS = "SELECT " + TOKEN_COLUMNS + " FROM api_tokens";

    private final ConnectionSource db;

    public JdbcAccountStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public void addUser(Account a) {
        Objects.requireNonNull(a, "account");
        try {
            Jdbc.inTransaction(db, "adding account " + a.name(), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (" + USER_COLUMNS
                        + ") VALUES (" + Jdbc.placeholders(7) + ")")) {
                    ps.setString(1, a.name());
                    ps.setString(2, a.passwordHash());
                    ps.setString(3, a.role());
                    ps.setString(4, a.divisionLevel());
                    ps.setString(5, a.divisionName());
                    ps.setBoolean(6, a.enabled());
                    Jdbc.setInstant(ps, 7, a.createdAt());
                    return ps.executeUpdate();
                }
            });
        } catch (StoreException e) {
            if (Jdbc.isUniqueViolation(e) || String.valueOf(e.getMessage()).toLowerCase().contains("duplicate")) {
                throw new StoreException("an account named " + a.name() + " exists already", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Account> user(String name) {
        return Jdbc.first(db, "reading an account", SELECT_USERS + " WHERE name = ?", name, JdbcAccountStore::user);
    }

    @Override
    public List<Account> users() {
        return Jdbc.all(db, "listing accounts", SELECT_USERS + " ORDER BY name", JdbcAccountStore::user);
    }

    @Override
    public boolean setEnabled(String name, boolean enabled) {
        return update("UPDATE accounts SET enabled = ? WHERE name = ?", name, ps -> ps.setBoolean(1, enabled));
    }

    @Override
    public boolean setPasswordHash(String name, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        return update("UPDATE accounts SET password_hash = ? WHERE name = ?", name,
                ps -> ps.setString(1, passwordHash));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private boolean update(String sql, String name, Binder first) {
        return Jdbc.inTransaction(db, "changing account " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                first.bind(ps);
                ps.setString(2, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public ApiToken addToken(ApiToken t) {
        Objects.requireNonNull(t, "token");
        return Jdbc.inTransaction(db, "adding token " + t.name() + " of " + t.owner(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM accounts WHERE name = ?")) {
                ps.setString(1, t.owner());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new StoreException("no account named " + t.owner() + " to own the token");
                    }
                }
            }
            long id = Jdbc.count(c, "SELECT nextval('api_tokens_id_seq')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES ("
                    + Jdbc.placeholders(9) + ")")) {
                ps.setLong(1, id);
                ps.setString(2, t.name());
                ps.setString(3, t.secretHash());
                ps.setString(4, t.owner());
                ps.setString(5, t.role());
                Jdbc.setInstant(ps, 6, t.createdAt());
                Jdbc.setInstant(ps, 7, t.expiresAt());
                Jdbc.setInstant(ps, 8, t.lastUsedAt());
                ps.setBoolean(9, t.revoked());
                ps.executeUpdate();
            }
            return new ApiToken(id, t.name(), t.secretHash(), t.owner(), t.role(), t.createdAt(), t.expiresAt(),
                    t.lastUsedAt(), t.revoked());
        });
    }

    @Override
    public Optional<ApiToken> tokenByHash(String secretHash) {
        return Jdbc.first(db, "reading a token", SELECT_TOKENS + " WHERE secret_hash = ?", secretHash,
                JdbcAccountStore::token);
    }

    @Override
    public List<ApiToken> tokens(String owner) {
        return Jdbc.read(db, "listing tokens", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_TOKENS
                    + (owner == null ? "" : " WHERE owner = ?") + " ORDER BY id")) {
                if (owner != null) {
                    ps.setString(1, owner);
                }
                return Jdbc.list(ps, JdbcAccountStore::token);
            }
        });
    }

    @Override
    public boolean revokeToken(long id) {
        return Jdbc.inTransaction(db, "revoking token " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked = TRUE WHERE id = ?"
                    + " AND NOT revoked")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void touchToken(long id, Instant usedAt) {
        Jdbc.inTransaction(db, "recording a use of token " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, usedAt);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Account user(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), Jdbc.getInstant(rs, 7));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Jdbc.getInstant(rs, 6), Jdbc.getInstant(rs, 7), Jdbc.getInstant(rs, 8), rs.getBoolean(9));
    }

    @Override
    public List<String> sites(String account) {
        return links("account_sites", "site_code", account, "reading the sites of an account");
    }

    @Override
    public void setSites(String account, List<String> siteCodes) {
        setLinks("account_sites", "site_code", account, siteCodes, "linking sites to account " + account);
    }

    @Override
    public List<Medium> media(String account) {
        return links("account_media", "medium", account, "reading the media of an account").stream()
                .map(Medium::fromCode).toList();
    }

    @Override
    public void setMedia(String account, Collection<Medium> media) {
        setLinks("account_media", "medium", account, media.stream().map(Medium::code).toList(),
                "granting media to account " + account);
    }

    /** The values an account is linked to in a two-column link table, sorted. */
    private List<String> links(String table, String column, String account, String what) {
        return Jdbc.read(db, what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table
                    + " WHERE account = ? ORDER BY " + column)) {
                ps.setString(1, account);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** Replaces an account's links in a two-column link table (the account must exist). */
    private void setLinks(String table, String column, String account, List<String> values, String what) {
        List<String> distinct = List.copyOf(new TreeSet<>(values));
        Jdbc.inTransaction(db, what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts WHERE name = ?")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no account named " + account);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                ps.setString(1, account);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (account, " + column
                    + ") VALUES (?, ?)")) {
                for (String v : distinct) {
                    ps.setString(1, account);
                    ps.setString(2, v);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
