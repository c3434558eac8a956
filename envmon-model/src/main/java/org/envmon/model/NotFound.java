package org.envmon.model;

/**
 * What a request names does not exist (a site, a city's stations, a group of sections). Thrown by the domain
 * services; a web layer answers it as 404, a command line as a message.
 */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
