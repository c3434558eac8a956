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
        ResponseEntity<ProblemDetail> problem = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many streams", e.getMessage(), "stream-full");
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header("Retry-After", "30")
                .body(problem.getBody());
    }
}
