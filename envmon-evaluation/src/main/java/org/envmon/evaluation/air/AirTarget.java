package org.envmon.evaluation.air;

import java.util.List;
import org.envmon.model.Site;

/**
 * What an air request is about: one site ({@code type} "site"), or a city ({@code type} "city": its non-control
 * stations, HJ 663).
 */
public record AirTarget(String type, String code, String name, String city, List<Site> stations) {
    public AirTarget {
        stations = List.copyOf(stations);
    }

    public boolean isCity() {
        return type.equals("city");
    }
}
