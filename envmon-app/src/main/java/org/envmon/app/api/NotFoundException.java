package org.envmon.app.api;

/** The named resource does not exist; rendered as 404 problem+json. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
