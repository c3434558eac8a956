package org.envmon.model.alert;

/** A lifecycle step that the alert's state does not allow (acknowledging a closed alert, closing it twice). */
public class AlertTransitionException extends RuntimeException {
    public AlertTransitionException(String message) {
        super(message);
    }
}
