package org.envmon.app.alerts;

import org.envmon.app.api.ApiExceptionHandler;
import org.envmon.model.alert.AlertTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A lifecycle step the alert's state does not allow is a conflict: 409 problem+json; a full alert stream is 503 with
 * Retry-After.
 */
@RestControllerAdvice(assignableTypes = AlertController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertsExceptionHandler {

    @ExceptionHandler(AlertTransitionException.class)
    ResponseEntity<ProblemDetail> conflict(AlertTransitionException e) {
        return ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), "alert-state");
    }

    @ExceptionHandler(AlertStream.TooManyStreams.class)
    ResponseEntity<ProblemDetail> streamFull(AlertStream.TooManyStreams e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setTitle("Too many streams");
        p.setType(URI.create("https://envmon.org/problems/stream-full"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
