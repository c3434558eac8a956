package org.envmon.app.api;

/** A request the API cannot answer as asked; rendered as 400 problem+json. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
