package org.envmon.app.sites;

import java.time.OffsetDateTime;

/**
 * The latest value of one parameter and interval at a site; {@code valid} and {@code review} as in
 * {@link ObservationView}.
 */
public record LatestView(String parameter, String name, String unit, String interval, OffsetDateTime time,
                         double value, String flag, boolean valid, java.util.List<String> qc, String review,
                         OffsetDateTime receivedAt) {
}
