package org.envmon.alerts.rules;

import java.util.Set;
import org.envmon.model.Interval;
import org.envmon.model.Medium;

/** The configuration of a rule over site data: its {@link Scope}. */
public interface ScopedSpec extends RuleSpec {

    Scope scope();

    /** Only these site codes, or empty for any. */
    default Set<String> sites() {
        return scope().sites();
    }

    /** Only sites of this medium, or null for any. */
    default Medium medium() {
        return scope().medium();
    }

    /** Only values of this interval, or null for any. */
    default Interval interval() {
        return scope().interval();
    }
}
