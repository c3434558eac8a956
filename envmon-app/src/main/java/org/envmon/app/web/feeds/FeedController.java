package org.envmon.app.web.feeds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.PublicationDelay;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public map's feeds: whole-country snapshots in one request each, cached and pre-compressed. Every answer
 * carries {@code ETag} and {@code Last-Modified}; a conditional request for an unchanged feed is answered 304 (Spring
 * compares them for a {@link ResponseEntity}). {@code Cache-Control: no-cache}: a browser revalidates each time,
 * which costs a 304 when nothing changed. While a publication delay is set, the anonymous public gets the air feeds
 * built without the hours still within the delay (an entry of their own, with its own tag).
 */
@RestController
@RequestMapping("/api/v1/feeds")
@Tag(name = "feeds", description = "Published snapshots for the public map (ETag, gzip)")
public class FeedController {
    static final String STATIONS = "stations";
    static final String CITIES = "cities";
    static final String WATER = "water";
    /** Suffix of the public's build of an air feed, under the publication delay. */
    static final String PUBLIC = ".public";
    private final FeedCache cache;
    private final PublicationDelay delay;

    public FeedController(FeedCache cache, AirFeeds air, WaterFeed water, PublicationDelay delay) {
        this.cache = cache;
        this.delay = delay;
        cache.register(STATIONS, () -> air.stations(Instant.now()));
        cache.register(CITIES, () -> air.cities(Instant.now()));
        // The public's builds: hours up to the one that ended the delay ago. Time passing (not only new data)
        // moves them on: the cache's TTL rebuilds them.
        cache.register(STATIONS + PUBLIC, () -> air.stations(delay.latestHourAt(null)));
        cache.register(CITIES + PUBLIC, () -> air.cities(delay.latestHourAt(null)));
        // A month's class, not hourly values: the same for everyone.
        cache.register(WATER, () -> water.sections(Instant.now()));
    }

    @GetMapping("/stations/latest")
    @Operation(summary = "Every air station's latest hourly AQI",
            description = "Per station (all registered air stations; those without an hour in the last 3 hours "
                    + "with nulls): code, name, city, lat/lon, time (interval start, +08:00), AQI, level, category, "
                    + "colour, primary pollutants, the six concentrations, edition, qc (valid, partial, flagged).")
    public ResponseEntity<byte[]> stations(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding, @AuthenticationPrincipal EnvmonUser user) {
        return answer(air(STATIONS, user), acceptEncoding, user);
    }

    @GetMapping("/cities/latest")
    @Operation(summary = "Every city's latest hourly AQI, placed at the mean of its stations")
    public ResponseEntity<byte[]> cities(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding, @AuthenticationPrincipal EnvmonUser user) {
        return answer(air(CITIES, user), acceptEncoding, user);
    }

    @GetMapping("/water/latest")
    @Operation(summary = "Every surface-water section's latest monthly class (GB 3838-2002)",
            description = "The class of the current month so far, else of the previous month; null without values.")
    public ResponseEntity<byte[]> water(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding) {
        return answer(WATER, acceptEncoding, null);
    }

    /** The feed the caller sees: the public's build while a publication delay holds it back. */
    private String air(String key, EnvmonUser user) {
        return delay.holdsBack(user) ? key + PUBLIC : key;
    }

    private ResponseEntity<byte[]> answer(String key, String acceptEncoding, EnvmonUser user) {
        FeedCache.Entry e = cache.get(key);
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        // With a delay, an account's (fresher) feed must not be kept by a shared cache and served to the public.
        CacheControl cc = delay.holdsBack(null) && user != null ? CacheControl.noCache().cachePrivate()
                : CacheControl.noCache().cachePublic();
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(e.etag())
                .lastModified(e.lastModified()).cacheControl(cc)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // Compressed once per change instead of per request; the server's own compression skips an encoded body.
        return gzip ? b.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(e.gzip()) : b.body(e.json());
    }
}
