package org.envmon.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.envmon.hj212.Parameter;
import org.envmon.hj212.ParameterCatalogue;
import org.envmon.model.ParameterInfo;
import org.envmon.model.Store;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the HJ 212 parameter catalogue (shipped as {@code parameters.csv} in envmon-hj212) into the store's
 * {@code parameters} table at start, so the table always matches the running version.
 */
@Component
class ParameterCatalogueLoader implements ApplicationRunner {
    private final Store store;

    ParameterCatalogueLoader(Store store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, ParameterInfo> byCode = new LinkedHashMap<>();
        for (Parameter p : ParameterCatalogue.standard().all()) {
            // A code listed under several categories (e.g. SO2 in ambient air and flue gas) is stored once.
            byCode.putIfAbsent(p.code(), new ParameterInfo(p.code(), p.nameZh(), p.nameEn(), p.unit(), p.decimals(),
                    p.category().id()));
        }
        store.parameters().upsert(byCode.values());
    }
}
