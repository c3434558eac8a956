package org.envmon.app.api;

import java.time.OffsetDateTime;

/** One value of a series: the start of its averaging interval, the value as received, the instrument flag. */
public record ObservationView(OffsetDateTime time, double value, String flag) {
}
