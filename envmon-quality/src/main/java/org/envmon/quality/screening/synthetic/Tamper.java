package org.envmon.quality.screening.synthetic;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ground truth of one injected tampering: which site, what, and the hours actually changed {@code [from, to)}. */
public record Tamper(String siteCode, TamperType type, Instant from, Instant to, Map<String, Object> details) {

    public Tamper {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
