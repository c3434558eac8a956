package org.envmon.app.security;

import org.springframework.security.access.AccessDeniedException;

/** Refused on the object acted on: outside the caller's division, or beyond its role's limits. Answered 403. */
public class OutOfScopeException extends AccessDeniedException {
    public OutOfScopeException(String message) {
        super(message);
    }
}
