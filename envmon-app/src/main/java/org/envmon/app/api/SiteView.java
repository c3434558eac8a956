package org.envmon.app.api;

import org.envmon.store.Site;

/** A site as the API shows it: never the password hash. */
public record SiteView(String code, String name, String medium, String mn, String province, String city,
                       String county, String basin, Double latitude, Double longitude, boolean control) {
    static SiteView of(Site s) {
        return new SiteView(s.code(), s.name(), s.medium().code(), s.mn(), s.province(), s.city(), s.county(),
                s.basin(), s.latitude(), s.longitude(), s.control());
    }
}
