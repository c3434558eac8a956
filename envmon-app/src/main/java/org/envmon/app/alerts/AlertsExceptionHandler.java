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

/** A lifecycle step the alert's state does not allow is a conflict: 409 problem+json. */
@RestControllerAdvice(assignableTypes = AlertController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertsExceptionHandler {

    @ExceptionHandler(AlertTransitionException.class)
    ResponseEntity<ProblemDetail> conflict(AlertTransitionException e) {
        return ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), "alert-state");
    }
}
