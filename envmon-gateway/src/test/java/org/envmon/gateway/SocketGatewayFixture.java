package org.envmon.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.UnaryOperator;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.model.ObservationStore;
import org.envmon.model.Store;
import org.junit.jupiter.api.AfterEach;

/** What the tests of the gateway over real sockets share: a DuckDB store holding station S1, its writer, the gateway. */
abstract class SocketGatewayFixture {
    StoreWithStation stationStore;
    Store store;
    SimpleMeterRegistry registry;
    GroupCommitWriter writer;
    Hj212Gateway gateway;

    /** Opens the store (S1 in {@code province}, {@code city}) and a group-commit writer to it, seen through {@code view}. */
    void openStore(String province, String city, UnaryOperator<ObservationStore> view) {
        stationStore = new StoreWithStation(province, city);
        store = stationStore.store;
        registry = new SimpleMeterRegistry();
        writer = new GroupCommitWriter(view.apply(store.observations()), 10_000, 1_000, registry);
    }

    @AfterEach
    void stop() {
        gateway.close();
        writer.close();
        stationStore.close();
    }
}
