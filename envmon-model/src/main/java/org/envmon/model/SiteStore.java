package org.envmon.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registered sites. Engine-neutral: no SQL leaks through this interface. */
public interface SiteStore {

    /** Inserts new sites and replaces existing ones with the same code, in one transaction. */
    void upsert(Collection<Site> sites);

    Optional<Site> byCode(String code);

    Optional<Site> byMn(String mn);

    /** Ordered by code. */
    List<Site> list(SiteQuery query);

    long count();
}
