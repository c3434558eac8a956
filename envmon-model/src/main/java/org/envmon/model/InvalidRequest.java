package org.envmon.model;

/**
 * A request the domain cannot answer as asked (a missing or contradictory argument, a period too long). Thrown by
 * the domain services; a web layer answers it as 400, a command line as a message.
 */
public class InvalidRequest extends RuntimeException {
    public InvalidRequest(String message) {
        super(message);
    }
}
