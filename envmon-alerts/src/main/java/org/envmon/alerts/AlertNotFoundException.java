package org.envmon.alerts;

/** No alert with the given id. */
public class AlertNotFoundException extends RuntimeException {
    public AlertNotFoundException(long id) {
        super("no alert with id " + id);
    }
}
