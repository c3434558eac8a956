package org.envmon.gateway;

import org.junit.jupiter.api.Test;

/**
 * {@link KillAndRestartTest} with the ingest journal: the gateway's JVM is killed (SIGKILL) while a station streams
 * and the store lags behind the journal; after the restart, recovery applies the journal and every packet answered
 * before the kill is in the store.
 */
class JournalKillAndRestartTest {

    @Test
    void everyAnsweredPacketSurvivesAKillWithTheJournal() throws Exception {
        KillAndRestartTest.killAndRestart(true);
    }
}
