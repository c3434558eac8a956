package org.envmon.app.web.feeds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public map's feeds: whole-country snapshots in one request each, cached and pre-compressed. Every answer
 * carries {@code ETag} and {@code Last-Modified}; a conditional request for an unchanged feed is answered 304 (Spring
 * compares them for a {@link ResponseEntity}). {@code Cache-Control: no-cache}: a browser revalidates each time,
 * which costs a 304 when nothing changed.
 */
@RestController
@RequestMapping("/api/v1/feeds")
@Tag(name = "feeds", description = "Published snapshots for the public map (ETag, gzip)")
public class FeedController {
    static final String STATIONS = "stations";
    static final String CITIES = "cities";
    static final String WATER = "water";
    private final FeedCache cache;

    public FeedController(FeedCache cache, AirFeeds air, WaterFeed water) {
        this.cache = cache;
        cache.register(STATIONS, () -> air.stations(Instant.now()));
        cache.register(CITIES, () -> air.cities(Instant.now()));
        cache.register(WATER, () -> water.sections(Instant.now()));
    }

    @GetMapping("/stations/latest")
    @Operation(summary = "Every air station's latest hourly AQI",
            description = "Per station (all registered air stations; those without an hour in the last 3 hours "
                    + "with nulls): code, name, city, lat/lon, time (interval start, +08:00), AQI, level, category, "
                    + "colour, primary pollutants, the six concentrations, edition, qc (valid, partial, flagged).")
    public ResponseEntity<byte[]> stations(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding) {
        return answer(STATIONS, acceptEncoding);
    }

    @GetMapping("/cities/latest")
    @Operation(summary = "Every city's latest hourly AQI, placed at the mean of its stations")
    public ResponseEntity<byte[]> cities(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding) {
        return answer(CITIES, acceptEncoding);
    }

    @GetMapping("/water/latest")
    @Operation(summary = "Every surface-water section's latest monthly class (GB 3838-2002)",
            description = "The class of the current month so far, else of the previous month; null without values.")
    public ResponseEntity<byte[]> water(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding) {
        return answer(WATER, acceptEncoding);
    }

    private ResponseEntity<byte[]> answer(String key, String acceptEncoding) {
        FeedCache.Entry e = cache.get(key);
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(e.etag())
                .lastModified(e.lastModified()).cacheControl(CacheControl.noCache().cachePublic())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // Compressed once per change instead of per request; the server's own compression skips an encoded body.
        return gzip ? b.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(e.gzip()) : b.body(e.json());
    }
}
