package org.envmon.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.envmon.model.Interval;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The public's publication delay ({@code envmon.security.public-delay}): the anonymous public sees a station's
 * values, and the AQI derived from them, only once their interval has ended at least the delay ago; accounts and
 * tokens see everything in their scope at once. A delay of zero publishes every stored value as soon as it is stored
 * (nothing held back). The time of a value is the start of its interval, so an hour is public from
 * {@code start + 1 h + delay}.
 */
@Component
public class PublicationDelay {
    private final Duration delay;
    private final Clock clock;

    @Autowired
    public PublicationDelay(EnvmonSecurityProperties props) {
        this(props.publicDelay(), Clock.systemUTC());
    }

    PublicationDelay(Duration delay, Clock clock) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("envmon.security.public-delay must not be negative: " + delay);
        }
        this.delay = delay;
        this.clock = clock;
    }

    public Duration delay() {
        return delay;
    }

    /** Whether the caller's view is held back: the anonymous public while a delay is set. */
    public boolean holdsBack(EnvmonUser user) {
        return user == null && !delay.isZero();
    }

    /**
     * The exclusive upper bound on interval starts for a query of values of this interval ending at {@code to}:
     * {@code to} itself for a caller not held back, else no later than the newest published start.
     */
    public Instant visibleBefore(EnvmonUser user, Instant to, Interval interval) {
        if (!holdsBack(user)) {
            return to;
        }
        // Stored times have whole seconds: a start up to (horizon - length) inclusive is published.
        Instant bound = horizon().minus(length(interval)).plusSeconds(1);
        return to.isAfter(bound) ? bound : to;
    }

    /** Whether a value of this interval starting at {@code start} is shown to the caller. */
    public boolean shown(EnvmonUser user, Instant start, Interval interval) {
        return !holdsBack(user) || !start.plus(length(interval)).isAfter(horizon());
    }

    /**
     * The instant a "latest hour" view (hours up to the one containing it) is taken at for the caller: now, or for
     * the public an instant whose hour has ended the delay ago.
     */
    public Instant latestHourAt(EnvmonUser user) {
        Instant now = clock.instant();
        return holdsBack(user) ? horizon().minus(Duration.ofHours(1)) : now;
    }

    private Instant horizon() {
        return clock.instant().minus(delay);
    }

    /**
     * How long a value of the interval covers. HJ 212 minute data (2051) cover the station's configured minute
     * period, commonly 10 minutes; real-time samples (2011) an instant.
     */
    static Duration length(Interval interval) {
        return switch (interval) {
            case REALTIME -> Duration.ZERO;
            case MINUTE -> Duration.ofMinutes(10);
            case HOUR -> Duration.ofHours(1);
            case DAY -> Duration.ofDays(1);
        };
    }
}
