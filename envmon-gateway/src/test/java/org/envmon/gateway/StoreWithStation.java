package org.envmon.gateway;

import java.util.List;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.Store;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.store.Stores;

/** A fresh DuckDB store holding the air station S1 ({@link GatewayIntegrationTest#MN}, its password); closed with it. */
final class StoreWithStation implements AutoCloseable {
    private final DuckDbTestDatabase db = DuckDbTestDatabase.create();
    final Store store = Stores.open(db.storeConfig());

    StoreWithStation(String province, String city) {
        store.sites().upsert(List.of(new Site("S1", "Station 1", Medium.AIR, GatewayIntegrationTest.MN,
                PasswordHash.hash(GatewayIntegrationTest.PW), province, city, null, null, 39.9, 116.4, false)));
    }

    @Override
    public void close() {
        store.close();
        db.close();
    }
}
