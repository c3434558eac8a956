package org.envmon.app.sites;

import org.envmon.app.api.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.StationCredentials;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rotating a station's HJ 212 password (an operator of the site's division, or an admin; audited). */
@RestController
@Tag(name = "sites")
public class StationCredentialsController {
    private final StationCredentials credentials;
    private final SiteStore sites;
    private final AccessPolicy access;

    public StationCredentialsController(StationCredentials credentials, SiteStore sites, AccessPolicy access) {
        this.credentials = credentials;
        this.sites = sites;
        this.access = access;
    }

    /** The new password, in this answer only: configure it in the station's data logger. */
    public record NewStationPassword(String site, String mn, String password) {
    }

    @PostMapping("/api/v1/sites/{code}/hj212-password")
    @Operation(summary = "Give the station a new random HJ 212 password (PW, six characters); it is returned in this "
            + "answer only and stored salted and hashed. The old one stops working at once")
    public ResponseEntity<NewStationPassword> rotate(@PathVariable String code,
                                                     @AuthenticationPrincipal EnvmonUser user) {
        Site site = sites.require(code);
        access.requireSite(user, site);
        if (site.mn() == null || site.mn().isBlank()) {
            throw new BadRequestException("site " + code + " has no MN: it does not send over HJ 212");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new NewStationPassword(code, site.mn(), credentials.rotate(site)));
    }
}
