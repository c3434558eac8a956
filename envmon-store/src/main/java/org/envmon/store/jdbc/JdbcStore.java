package org.envmon.store.jdbc;

import org.envmon.model.AlertStore;
import org.envmon.model.ChainStore;
import org.envmon.model.DerivedStore;
import org.envmon.model.ObservationStore;
import org.envmon.model.ParameterStore;
import org.envmon.model.QualityStore;
import org.envmon.model.ReviewProposalStore;
import org.envmon.model.ReviewStore;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;
import org.envmon.model.AccountStore;
import org.envmon.model.AlertStore;
import org.envmon.model.AuditStore;
import org.envmon.model.ChainStore;
import org.envmon.model.DerivedStore;
import org.envmon.model.ObservationStore;
import org.envmon.model.ParameterStore;
import org.envmon.model.QualityStore;
import org.envmon.model.ReviewStore;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;

/** A store assembled from the shared JDBC parts and an engine's observation store. */
public final class JdbcStore implements Store {
    private final String engine;
    private final ConnectionSource db;
    private final SiteStore sites;
    private final ParameterStore parameters;
    private final JdbcObservationStore observations;
    private final ReviewStore reviews;
    private final QualityStore quality;
    private final ChainStore chain;
    private final AlertStore alerts;
    private final AutoCloseable beforeClose;
    private final DerivedStore derived;
    private final AccountStore accounts;
    private final AuditStore audit;
    private final ReviewProposalStore proposals;

    /**
     * @param postgres    whether the database is PostgreSQL (row locks on the chain head, cursor-based verification)
     * @param verifyChunk key range per verification query, see {@link ChainVerifier}
     */
    public JdbcStore(String engine, ConnectionSource db, JdbcObservationStore observations, AutoCloseable beforeClose,
            boolean postgres, long verifyChunk, DerivedStore derived) {
        this.engine = engine;
        this.db = db;
        this.sites = new JdbcSiteStore(db);
        this.parameters = new JdbcParameterStore(db);
        this.observations = observations;
        // every chaining write outside the observation batches holds the observation store's lock
        ChainWrites chainWrites = new ChainWrites(db, observations, postgres);
        this.reviews = new JdbcReviewStore(chainWrites);
        this.quality = new JdbcQualityStore(db);
        this.chain = new JdbcChainStore(chainWrites, new ChainVerifier(db, verifyChunk, postgres));
        this.alerts = new JdbcAlertStore(db);
        this.beforeClose = beforeClose;
        this.derived = derived;
        this.accounts = new JdbcAccountStore(db);
        this.audit = new JdbcAuditStore(chainWrites);
        this.proposals = new JdbcReviewProposalStore(db);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public ReviewProposalStore proposals() {
        return proposals;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public DerivedStore derived() {
        return derived;
    }

    @Override
    public SiteStore sites() {
        return sites;
    }

    @Override
    public ObservationStore observations() {
        return observations;
    }

    @Override
    public ParameterStore parameters() {
        return parameters;
    }

    @Override
    public ReviewStore reviews() {
        return reviews;
    }

    @Override
    public QualityStore quality() {
        return quality;
    }

    @Override
    public ChainStore chain() {
        return chain;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void close() {
        // Waits for a write in progress (writes and reviews are synchronized on the observation store).
        synchronized (observations) {
            try {
                if (beforeClose != null) {
                    beforeClose.close();
                }
            } catch (Exception e) {
                // closing anyway
            } finally {
                db.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Store[" + engine + "]";
    }
}
