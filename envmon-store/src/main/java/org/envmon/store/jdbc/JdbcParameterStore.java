package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.envmon.model.ParameterInfo;
import org.envmon.model.ParameterStore;

/** The parameter catalogue over portable SQL; upserts as multi-row statements in one transaction. */
public final class JdbcParameterStore implements ParameterStore {
    private static final String COLUMNS = "code, name_zh, name_en, unit, decimals, category";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM parameters";
    private static final int ROWS_PER_STATEMENT = 200;

    private final ConnectionSource db;

    public JdbcParameterStore(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public void upsert(Collection<ParameterInfo> parameters) {
        Jdbc.upsertInChunks(db, "parameters", parameters, p -> Objects.requireNonNull(p, "parameter").code(),
                ROWS_PER_STATEMENT, JdbcParameterStore::upsertSql, JdbcParameterStore::bind);
    }

    private static void bind(PreparedStatement ps, List<ParameterInfo> chunk) throws SQLException {
        int i = 1;
        for (ParameterInfo p : chunk) {
            ps.setString(i++, p.code());
            ps.setString(i++, p.nameZh());
            ps.setString(i++, p.nameEn());
            ps.setString(i++, p.unit());
            Jdbc.setInteger(ps, i++, p.decimals());
            ps.setString(i++, p.category());
        }
    }

    private static String upsertSql(int rows) {
        return Jdbc.multiRowInsert("parameters (" + COLUMNS + ")", 6, rows, " ON CONFLICT (code) DO UPDATE SET"
                + " name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit,"
                + " decimals = excluded.decimals, category = excluded.category");
    }

    @Override
    public Optional<ParameterInfo> byCode(String code) {
        Objects.requireNonNull(code, "code");
        return Jdbc.first(db, "parameter lookup", SELECT + " WHERE code = ?", code, JdbcParameterStore::parameter);
    }

    @Override
    public List<ParameterInfo> list() {
        return Jdbc.all(db, "parameter list", SELECT + " ORDER BY code", JdbcParameterStore::parameter);
    }

    @Override
    public long count() {
        return Jdbc.read(db, "parameter count", c -> Jdbc.count(c, "SELECT count(*) FROM parameters"));
    }

    private static ParameterInfo parameter(ResultSet rs) throws SQLException {
        return new ParameterInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Jdbc.getInteger(rs, 5), rs.getString(6));
    }
}
