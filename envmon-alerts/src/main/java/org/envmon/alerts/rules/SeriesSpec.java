package org.envmon.alerts.rules;

import java.time.Duration;

/** The configuration of a rule that follows series of values in a row: its {@link Scope} and {@link Runs}. */
public interface SeriesSpec extends ScopedSpec {

    Runs runs();

    default int minCount() {
        return runs().minCount();
    }

    default int clearCount() {
        return runs().clearCount();
    }

    default Duration maxAge() {
        return runs().maxAge();
    }
}
