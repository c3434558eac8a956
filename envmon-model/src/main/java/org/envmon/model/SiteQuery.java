package org.envmon.model;

/** Filters for listing sites; null means "any". */
public record SiteQuery(Medium medium, String province, String city) {
    public static SiteQuery all() {
        return new SiteQuery(null, null, null);
    }
}
