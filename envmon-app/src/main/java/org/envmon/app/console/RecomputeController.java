package org.envmon.app.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EndpointRules;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.OutOfScopeException;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.evaluation.derived.LiveRecompute;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rebuilding the derived air data (station and city hourly/daily AQI) of a day range from the stored values, as
 * {@code envmon recompute --from --to [--city]} does, but through the live worker's lock so that it does not
 * interleave with a live cycle. An admin recomputes everything or one city, an operator a city of its division.
 */
@RestController
@Tag(name = "console")
public class RecomputeController {
    /** Longest range in one request: the request holds the live worker for its whole duration. */
    static final int MAX_DAYS = 366;

    private final ObjectProvider<LiveRecompute> worker;
    private final AccessPolicy access;
    /** One recompute at a time: a second would only queue behind the first on the worker's lock. */
    private final AtomicBoolean running = new AtomicBoolean();

    public RecomputeController(ObjectProvider<LiveRecompute> worker, AccessPolicy access) {
        this.worker = worker;
        this.access = access;
    }

    public record Recomputed(LocalDate from, LocalDate to, String city, int stations, int cities, long hourRows,
                             long dayRows, long tookMillis) {
    }

    @PostMapping("/api/v1/recompute")
    @Operation(summary = "Recompute the derived air data (station and city hourly/daily AQI) of days from … to "
            + "(inclusive, Beijing dates, at most 366 days), of one city or (admin) all; answers with the counts")
    public Recomputed recompute(@Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
                                @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to,
                                @Parameter(description = "a city; omitted = every city (admin only)")
                                @RequestParam(required = false) String city,
                                @AuthenticationPrincipal EnvmonUser user) {
        EvaluationParams.Days days = EvaluationParams.days(from, to, MAX_DAYS);
        String c = city == null || city.isBlank() ? null : city.strip();
        if (c == null && !user.is(EndpointRules.ADMIN)) {
            throw new OutOfScopeException("name a city of your division: only an admin recomputes every city");
        }
        if (c != null) {
            access.requireCity(user, c);
        }
        LiveRecompute w = worker.getIfAvailable();
        if (w == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "no derived-data worker in this server");
        }
        if (!running.compareAndSet(false, true)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a recompute is running; try again when it ends");
        }
        try {
            AirDerivation.Result r = c == null ? w.recomputeAll(days.from(), days.to())
                    : w.recomputeCities(Set.of(c), days.from(), days.to());
            return new Recomputed(days.from(), days.to(), c, r.stations(), r.cities(), r.hourRows(), r.dayRows(),
                    r.took().toMillis());
        } finally {
            running.set(false);
        }
    }
}
