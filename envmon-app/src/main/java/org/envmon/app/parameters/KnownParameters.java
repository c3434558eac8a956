package org.envmon.app.parameters;

import org.envmon.app.api.NotFoundException;
import org.envmon.model.Store;
import org.springframework.stereotype.Component;

/**
 * Whether a parameter code names anything: an unknown code is answered 404, never an empty series that reads as
 * "no data". Known = in the parameter catalogue, or stored at the site (the gateway keeps codes the catalogue does
 * not know as sent, and those values stay readable).
 */
@Component
public class KnownParameters {
    private final Store store;

    public KnownParameters(Store store) {
        this.store = store;
    }

    /** 404 unless the catalogue knows {@code code}. */
    public void require(String code) {
        if (!catalogued(code)) {
            throw new NotFoundException("no parameter with code " + code);
        }
    }

    /** 404 unless the catalogue knows {@code code} or site {@code site} has values under it. */
    public void require(String site, String code) {
        if (!catalogued(code) && store.observations().latest(site).stream()
                .noneMatch(o -> o.parameter().equals(code))) {
            throw new NotFoundException("no parameter with code " + code + " (not catalogued, no values at site "
                    + site + ")");
        }
    }

    private boolean catalogued(String code) {
        return code != null && !code.isBlank() && store.parameters().byCode(code).isPresent();
    }
}
