package org.envmon.standards.air;

/**
 * Whose AQI a report gives: a monitoring station's from its own concentrations, or a city's from the mean of its
 * assessment stations (control stations excluded, HJ 663). The rounding of the two differs in the national
 * publication ({@link AqiRounding}).
 */
public enum AqiScope {
    STATION,
    CITY
}
