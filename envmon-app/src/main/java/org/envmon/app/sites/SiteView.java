package org.envmon.app.sites;

import org.envmon.app.api.ApiTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.envmon.model.Site;
import org.envmon.model.SiteStatus;

/**
 * A site as the API shows it: never the password hash. {@code online}: the station itself sent a packet within
 * the last two hours ({@code lastPacketAt}, null when it never sent one; imported files do not count). The
 * water-section attributes appear for surface-water sections only. The station's MN (its HJ 212 identity, half of
 * what a forged packet needs) is shown to authenticated callers only, never to the anonymous public.
 */
public record SiteView(String code, String name, String medium,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String mn, String province, String city,
                       String county, String basin, Double latitude, Double longitude, boolean control,
                       boolean online, OffsetDateTime lastPacketAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String waterbody,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer targetClass,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean drinkingWaterSource) {
    static SiteView of(Site s, SiteStatus status, boolean showMn) {
        boolean section = s.medium() == org.envmon.model.Medium.SURFACE_WATER;
        return new SiteView(s.code(), s.name(), s.medium().code(), showMn ? s.mn() : null, s.province(), s.city(), s.county(),
                s.basin(), s.latitude(), s.longitude(), s.control(), status != null && status.online(),
                status == null ? null : ApiTime.out(status.lastPacketAt()), s.waterbody(), s.targetClass(),
                section ? s.drinkingWaterSource() : null);
    }
}
