package org.envmon.store;

import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewRequest;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.model.VerifyReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContractTest<PostgresTestDatabase> {

    PostgresStoreTest() {
        super(PostgresTestDatabase::create);
    }

    /** As an attacker with DDL rights: the append-only triggers are disabled around the statements. */
    @Override
    protected void tamper(String... sql) {
        List<String> tables = List.of("raw_packets", "reviews", "chain", "chain_checkpoints", "qc_flags", "audit_log");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String t : tables) {
                st.execute("ALTER TABLE " + t + " DISABLE TRIGGER ALL");
            }
            for (String s : sql) {
                st.execute(s);
            }
            for (String t : tables) {
                st.execute("ALTER TABLE " + t + " ENABLE TRIGGER ALL");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void chainReviewsQcFlagsAndCheckpointsAreAppendOnly() throws SQLException {
        store.sites().upsert(List.of(site("S1", Medium.AIR, null, null, null)));
        store.observations().write(List.of(packet("k", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE, T0, 1))));
        PacketWrite flagging = packet("k2", T0, row("S1", "a", Interval.HOUR, Statistic.VALUE, T0.plusSeconds(3600), 1));
        store.observations().write(List.of(new PacketWrite(flagging.packet(), flagging.observations(), List.of(
                QcFlag.of("S1", "a", Interval.HOUR, T0, T0.plusSeconds(3600), "CONSTANT", 2, 1.0)))));
        store.reviews().record(new ReviewRequest("S1", null, null, T0, T0.plusSeconds(1), ReviewDecision.INVALID,
                "r", "op"));
        store.chain().sealCheckpoint();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE qc_flags SET run_length = 1"))
                    .hasMessageContaining("append-only");
            for (String t : List.of("reviews", "chain", "chain_checkpoints", "qc_flags")) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM " + t)).hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.executeUpdate("TRUNCATE " + t)).hasMessageContaining("append-only");
            }
        }
        assertThat(store.chain().verify().state()).isEqualTo(VerifyReport.State.INTACT);
    }

    @Test
    void rawPacketsAreAppendOnly() throws SQLException {
        store.observations().write(List.of(packet("k", T0)));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE raw_packets SET peer = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM raw_packets"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE raw_packets"))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.observations().packetCount()).isEqualTo(1);
    }

    @Test
    void tablesLiveInTheSchemaOfTheUrl() throws SQLException {
        assertThat(store.engine()).isEqualTo("postgres");
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                        + db.schema() + "' AND table_name IN ('sites', 'parameters', 'raw_packets', 'observations')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void aMissingSchemaIsCreatedByTheMigration() {
        String schema = db.schema() + "_new";
        String url = db.url().replace("currentSchema=" + db.schema(), "currentSchema=" + schema);
        try (Store other = Stores.open(StoreConfig.postgres(url))) {
            other.sites().upsert(List.of(site("S1", Medium.AIR, null, null, null)));
            assertThat(other.sites().count()).isEqualTo(1);
            assertThat(store.sites().count()).isZero();
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }
}
