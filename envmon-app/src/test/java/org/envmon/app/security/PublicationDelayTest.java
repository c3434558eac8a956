package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.envmon.model.Interval;
import org.junit.jupiter.api.Test;

/** Which values the publication delay holds back, and from whom, at a fixed time. */
class PublicationDelayTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:20:00Z");
    static final EnvmonUser OPERATOR = new EnvmonUser("op", "", "operator", Division.NATIONAL, true, "t", null, null);

    static PublicationDelay delay(Duration d) {
        return new PublicationDelay(d, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anHourIsPublicTheDelayAfterItEnded() {
        PublicationDelay oneHour = delay(Duration.ofHours(1));
        // 09:00-10:00 ended 20 minutes ago: held back; 08:00-09:00 ended 80 minutes ago: public
        assertThat(oneHour.shown(null, Instant.parse("2026-03-01T09:00:00Z"), Interval.HOUR)).isFalse();
        assertThat(oneHour.shown(null, Instant.parse("2026-03-01T08:00:00Z"), Interval.HOUR)).isTrue();
        assertThat(oneHour.shown(OPERATOR, Instant.parse("2026-03-01T10:00:00Z"), Interval.HOUR)).isTrue();
        // a query's end is clamped just past the newest public start (08:20 for hours: 08:00 still in)
        Instant to = Instant.parse("2026-03-01T11:00:00Z");
        assertThat(oneHour.visibleBefore(null, to, Interval.HOUR)).isEqualTo(Instant.parse("2026-03-01T08:20:01Z"));
        assertThat(oneHour.visibleBefore(null, Instant.parse("2026-03-01T07:00:00Z"), Interval.HOUR))
                .isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
        assertThat(oneHour.visibleBefore(OPERATOR, to, Interval.HOUR)).isEqualTo(to);
        // a "latest hour" view for the public is taken inside the newest public hour
        assertThat(oneHour.latestHourAt(null)).isEqualTo(Instant.parse("2026-03-01T08:20:00Z"));
        assertThat(oneHour.latestHourAt(OPERATOR)).isEqualTo(NOW);
    }

    @Test
    void withoutADelayNothingIsHeldBack() {
        PublicationDelay none = delay(Duration.ZERO);
        assertThat(none.holdsBack(null)).isFalse();
        assertThat(none.shown(null, NOW, Interval.HOUR)).isTrue();
        assertThat(none.visibleBefore(null, NOW.plusSeconds(7200), Interval.DAY)).isEqualTo(NOW.plusSeconds(7200));
        assertThat(none.latestHourAt(null)).isEqualTo(NOW);
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> delay(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public-delay");
    }
}
