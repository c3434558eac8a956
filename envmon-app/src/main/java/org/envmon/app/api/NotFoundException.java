package org.envmon.app.api;

import org.envmon.model.NotFound;

/** The named resource does not exist; rendered as 404 problem+json like every {@link NotFound}. */
public class NotFoundException extends NotFound {
    public NotFoundException(String message) {
        super(message);
    }
}
