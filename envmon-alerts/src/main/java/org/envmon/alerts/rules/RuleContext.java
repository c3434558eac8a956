package org.envmon.alerts.rules;

import java.time.Instant;
import java.util.Optional;
import org.envmon.model.Site;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;

/**
 * What a rule may do while evaluating: look up a site, and report that a condition started, persists or cleared.
 * The engine turns these into alert transitions and keeps exactly one active alert per {@link AlertKey}.
 */
public interface RuleContext {

    /** The engine clock's current time. */
    Instant now();

    /** The registered site (cached by the engine), or empty when unknown. */
    Optional<Site> site(String code);

    /**
     * The condition has started. Opens an alert unless one is already active for the key (then only its values are
     * updated).
     */
    void raise(Condition condition);

    /** The condition is still present: updates the active alert's latest and peak values, if one is active. */
    void persist(AlertKey key, double value, boolean higherIsWorse);

    /** The condition has cleared: closes the active alert automatically, if one is active. */
    void clear(AlertKey key, String reason);
}
