package org.envmon.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A bulk read of hourly values ({@link Interval#HOUR}, {@link Statistic#VALUE}) for evaluation: the given sites and
 * parameters, value times {@code from} inclusive to {@code to} exclusive. See {@link ObservationStore#hourlyValues}.
 *
 * @param siteCodes  the sites, in the order the values are delivered; the sink receives positions in this list
 * @param parameters the parameter codes; the sink receives positions in this list
 */
public record HourlyValuesQuery(List<String> siteCodes, List<String> parameters, Instant from, Instant to) {

    public HourlyValuesQuery {
        siteCodes = List.copyOf(siteCodes);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (siteCodes.stream().distinct().count() != siteCodes.size()
                || parameters.stream().distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("site codes and parameters must not repeat");
        }
    }

    /** Receives the values of {@link ObservationStore#hourlyValues}; called on the reading thread. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One stored value (the latest received copy when a value was stored more than once).
         *
         * @param site        position of the site in {@link HourlyValuesQuery#siteCodes()}
         * @param parameter   position of the parameter in {@link HourlyValuesQuery#parameters()}
         * @param epochSecond the interval start
         * @param value       the value as received
         * @param valid       the effective validity: the latest covering review's decision, else the automatic QC
         *                    verdict ({@link Observation#effectiveValid()})
         */
        void value(int site, int parameter, long epochSecond, double value, boolean valid);
    }
}
