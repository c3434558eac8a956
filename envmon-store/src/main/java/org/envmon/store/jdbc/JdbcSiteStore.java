package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;

/**
 * Sites over portable SQL ({@code INSERT ... ON CONFLICT (code) DO UPDATE} works in DuckDB and PostgreSQL).
 * Upserts go as multi-row statements, a few hundred sites each, all in one transaction.
 */
public final class JdbcSiteStore implements SiteStore {
    private static final String COLUMNS =
            "code, name, medium, mn, password_hash, province, city, county, basin, latitude, longitude, control,"
                    + " waterbody, target_class, drinking_water_source";
    private static final int COLUMN_COUNT = 15;
    private static final int ROWS_PER_STATEMENT = 200;
    private static final String UPSERT_TAIL = " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
            + " medium = excluded.medium, mn = excluded.mn, password_hash = excluded.password_hash,"
            + " province = excluded.province, city = excluded.city, county = excluded.county,"
            + " basin = excluded.basin, latitude = excluded.latitude, longitude = excluded.longitude,"
            + " control = excluded.control, waterbody = excluded.waterbody, target_class = excluded.target_class,"
            + " drinking_water_source = excluded.drinking_water_source, updated_at = excluded.updated_at";

    private final ConnectionSource db;

    public JdbcSiteStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public void upsert(Collection<Site> sites) {
        Instant now = Instant.now();
        Jdbc.upsertInChunks(db, "sites", sites, s -> Objects.requireNonNull(s, "site").code(), ROWS_PER_STATEMENT,
                JdbcSiteStore::upsertSql, (ps, chunk) -> bind(ps, chunk, now));
    }

    private static String upsertSql(int rows) {
        return Jdbc.multiRowInsert("sites (" + COLUMNS + ", created_at, updated_at)", COLUMN_COUNT + 2, rows,
                UPSERT_TAIL);
    }

    private static void bind(PreparedStatement ps, List<Site> chunk, Instant now) throws SQLException {
        int i = 1;
        for (Site s : chunk) {
            ps.setString(i++, s.code());
            ps.setString(i++, s.name());
            ps.setString(i++, s.medium().code());
            ps.setString(i++, s.mn());
            ps.setString(i++, s.passwordHash());
            ps.setString(i++, s.province());
            ps.setString(i++, s.city());
            ps.setString(i++, s.county());
            ps.setString(i++, s.basin());
            Jdbc.setDouble(ps, i++, s.latitude());
            Jdbc.setDouble(ps, i++, s.longitude());
            ps.setBoolean(i++, s.control());
            ps.setString(i++, s.waterbody());
            Jdbc.setInteger(ps, i++, s.targetClass());
            ps.setBoolean(i++, s.drinkingWaterSource());
            Jdbc.setInstant(ps, i++, now);
            Jdbc.setInstant(ps, i++, now);
        }
    }

    @Override
    public Optional<Site> byCode(String code) {
        Objects.requireNonNull(code, "code");
        return one("SELECT " + COLUMNS + " FROM sites WHERE code = ?", code);
    }

    @Override
    public Optional<Site> byMn(String mn) {
        Objects.requireNonNull(mn, "mn");
        return one("SELECT " + COLUMNS + " FROM sites WHERE mn = ?", mn);
    }

    private Optional<Site> one(String sql, String key) {
        return Jdbc.first(db, "site lookup", sql, key, JdbcSiteStore::site);
    }

    @Override
    public List<Site> list(SiteQuery query) {
        SiteQuery q = query == null ? SiteQuery.all() : query;
        Where where = new Where().and("medium = ?", q.medium() == null ? null : q.medium().code())
                .and("province = ?", q.province()).and("city = ?", q.city());
        return Jdbc.read(db, "site list", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sites" + where
                    + " ORDER BY code")) {
                where.bind(ps);
                return Jdbc.list(ps, JdbcSiteStore::site);
            }
        });
    }

    @Override
    public long count() {
        return Jdbc.read(db, "site count", c -> Jdbc.count(c, "SELECT count(*) FROM sites"));
    }

    private static Site site(ResultSet rs) throws SQLException {
        return new Site(
                rs.getString(1),
                rs.getString(2),
                Medium.fromCode(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                Jdbc.getDouble(rs, 10),
                Jdbc.getDouble(rs, 11),
                rs.getBoolean(12),
                rs.getString(13),
                rs.getObject(14) == null ? null : rs.getInt(14),
                Boolean.TRUE.equals(rs.getObject(15, Boolean.class)));
    }
}
