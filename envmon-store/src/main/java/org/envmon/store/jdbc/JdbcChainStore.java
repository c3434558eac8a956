package org.envmon.store.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.envmon.model.ChainStore;
import org.envmon.model.Checkpoint;
import org.envmon.model.VerifyReport;

/** The chain over portable SQL; verification by {@link ChainVerifier}. */
public final class JdbcChainStore implements ChainStore {
    private static final HexFormat HEX = HexFormat.of();

    private final ConnectionSource db;
    private final ChainWrites chain;
    private final ChainVerifier verifier;

    public JdbcChainStore(ChainWrites chain, ChainVerifier verifier) {
        this.db = chain.db();
        this.chain = chain;
        this.verifier = verifier;
    }

    @Override
    public VerifyReport verify() {
        return verifier.verify();
    }

    @Override
    public List<Checkpoint> checkpoints(Instant from, Instant to) {
        return Jdbc.read(db, "checkpoint export", c -> {
            Where where = new Where().and("period_start >= ?", from).and("period_start < ?", to);
            try (PreparedStatement ps = c.prepareStatement("SELECT first_seq, last_seq, record_count, period_start,"
                    + " period_end, merkle_root, last_chain_hash, sealed_at FROM chain_checkpoints" + where
                    + " ORDER BY first_seq")) {
                where.bind(ps);
                return Jdbc.list(ps, rs -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Jdbc.getInstant(rs, 4), Jdbc.getInstant(rs, 5), HEX.formatHex(rs.getBytes(6)),
                        HEX.formatHex(rs.getBytes(7)), Jdbc.getInstant(rs, 8)));
            }
        });
    }

    @Override
    public Optional<Checkpoint> sealCheckpoint() {
        return chain.write("checkpoint", (c, head) -> {
            if (!head.seal(new ChainCodec(), Jdbc.epochMicros(Instant.now()))) {
                return Optional.<Checkpoint>empty();
            }
            head.save(c);
            return Optional.of(head.sealed().get(0));
        });
    }

    @Override
    public long size() {
        return Jdbc.read(db, "chain size", c -> Jdbc.count(c, "SELECT count(*) FROM chain"));
    }
}
