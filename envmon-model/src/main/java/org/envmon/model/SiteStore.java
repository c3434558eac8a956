package org.envmon.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registered sites. Engine-neutral: no SQL leaks through this interface. */
public interface SiteStore {

    /** Inserts new sites and replaces existing ones with the same code, in one transaction. */
    void upsert(Collection<Site> sites);

    Optional<Site> byCode(String code);

    /** The site with this code; {@link NotFound} (a 404 on the web) where there is none. */
    default Site require(String code) {
        return byCode(code).orElseThrow(() -> new NotFound("no site with code " + code));
    }

    Optional<Site> byMn(String mn);

    /** Ordered by code. */
    List<Site> list(SiteQuery query);

    long count();
}
