package org.envmon.app.chain;

import org.envmon.model.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Seals the hash chain's hourly checkpoint even in a quiet hour (otherwise it is sealed by the next hour's first
 * record), so that every finished hour has a Merkle root to sign.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChainSealing {
    private static final Logger log = LoggerFactory.getLogger(ChainSealing.class);
    private final Store store;

    ChainSealing(Store store) {
        this.store = store;
    }

    @Scheduled(cron = "5 0 * * * *")
    void sealFinishedHour() {
        try {
            store.chain().sealCheckpoint().ifPresent(c -> log.info("sealed checkpoint seq {}..{} root {}",
                    c.firstSeq(), c.lastSeq(), c.merkleRoot()));
        } catch (RuntimeException e) {
            log.warn("could not seal the hourly checkpoint: {}", e.toString());
        }
    }
}
