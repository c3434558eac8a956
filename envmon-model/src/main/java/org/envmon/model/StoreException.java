package org.envmon.model;

/** The store could not do what was asked (database unavailable, constraint, I/O). Nothing partial was committed. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
