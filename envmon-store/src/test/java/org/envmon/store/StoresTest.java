package org.envmon.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoresTest {
    @Test
    void anUnknownEngineIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Stores.open(new StoreConfig("mysql", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql").hasMessageContaining("duckdb").hasMessageContaining("postgres");
    }

    @Test
    void eachEngineNeedsItsSetting() {
        assertThatThrownBy(() -> Stores.open(new StoreConfig("duckdb", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataDir");
        assertThatThrownBy(() -> Stores.open(new StoreConfig("postgres", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }
}
