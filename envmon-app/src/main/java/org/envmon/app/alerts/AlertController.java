package org.envmon.app.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.envmon.alerts.AlertNotFoundException;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.app.Actor;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.SubjectType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Early-warning alerts: list, read, acknowledge, close, and a live stream (SSE). */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts", description = "Early warning: alerts raised by the rule engine and their lifecycle")
@ConditionalOnProperty(name = "envmon.alerts.enabled", havingValue = "true", matchIfMissing = true)
public class AlertController {
    static final int MAX_LIMIT = 1000;

    private final AlertEngine engine;
    private final AlertStream stream;
    private final AccessPolicy access;

    public AlertController(AlertEngine engine, AlertStream stream, AccessPolicy access) {
        this.engine = engine;
        this.stream = stream;
        this.access = access;
    }

    /**
     * Body of acknowledge: note required. {@code operator} is accepted for compatibility and ignored: the
     * transition records the authenticated account.
     */
    public record AcknowledgeRequest(String note, String operator) {
    }

    /** Body of close: note optional; {@code operator} ignored as for acknowledge. */
    public record CloseRequest(String operator, String note) {
    }

    @GetMapping
    @Operation(summary = "Alerts newest first, optionally in one state (open, acknowledged, closed)")
    public List<AlertView> list(@RequestParam(required = false) String state,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        AlertState s = BadRequestException.parseOptional(state, AlertState::fromCode);
        return engine.list(s, limit).stream().map(AlertView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One alert with its history")
    public AlertView alert(@PathVariable long id) {
        return AlertView.of(engine.find(id).orElseThrow(() -> new NotFoundException("no alert with id " + id)));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an open alert; note required (409 unless open); recorded with the "
            + "authenticated account (admin, or an operator of the alert's division)")
    public AlertView acknowledge(@PathVariable long id, @RequestBody(required = false) AcknowledgeRequest body,
                                 @AuthenticationPrincipal EnvmonUser user) {
        if (body == null || blank(body.note())) {
            throw new BadRequestException("'note' is required to acknowledge an alert");
        }
        requireScope(id, user);
        Actor actor = new Actor(user.name(), user.toString());
        return AlertView.of(found(id, () -> engine.acknowledge(id, actor.operator(), body.note())));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an open or acknowledged alert by hand (409 if already closed); recorded with the "
            + "authenticated account (admin, or an operator of the alert's division)")
    public AlertView close(@PathVariable long id, @RequestBody(required = false) CloseRequest body,
                           @AuthenticationPrincipal EnvmonUser user) {
        requireScope(id, user);
        Actor actor = new Actor(user.name(), user.toString());
        String note = body == null ? null : body.note();
        return AlertView.of(found(id, () -> engine.close(id, actor.operator(), note)));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: event name opened/acknowledged/closed, data the alert, "
            + "keep-alive comments")
    public ResponseEntity<SseEmitter> stream() {
        // Proxies must neither cache nor buffer the stream (X-Accel-Buffering: nginx's per-response switch).
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).header("X-Accel-Buffering", "no")
                .body(stream.open());
    }

    /** An operator acts on the alerts of its division only; an unknown alert is left to the 404 that follows. */
    private void requireScope(long id, EnvmonUser user) {
        engine.find(id).ifPresent(a -> {
            if (a.subjectType() == SubjectType.CITY) {
                access.requireCity(user, a.subject());
            } else {
                access.requireSiteCode(user, a.subject());
            }
        });
    }

    private static Alert found(long id, java.util.function.Supplier<Alert> action) {
        try {
            return action.get();
        } catch (AlertNotFoundException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
