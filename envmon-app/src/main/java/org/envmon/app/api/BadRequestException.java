package org.envmon.app.api;

import org.envmon.model.InvalidRequest;

/** A request the API cannot answer as asked (its parameters); rendered as 400 problem+json like every {@link InvalidRequest}. */
public class BadRequestException extends InvalidRequest {
    public BadRequestException(String message) {
        super(message);
    }
}
