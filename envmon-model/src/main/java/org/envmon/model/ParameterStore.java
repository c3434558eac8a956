package org.envmon.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The parameter catalogue as stored. Engine-neutral: no SQL leaks through this interface. */
public interface ParameterStore {

    /** Inserts new parameters and replaces existing ones with the same code, in one transaction. */
    void upsert(Collection<ParameterInfo> parameters);

    Optional<ParameterInfo> byCode(String code);

    /** Ordered by code. */
    List<ParameterInfo> list();

    long count();
}
