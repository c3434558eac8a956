package org.envmon.app.cli;

/** A command could not do its work for a reason the user can act on; the message is the one line they see. */
public class CannotRun extends RuntimeException {
    public CannotRun(String message) {
        super(message);
    }

    public CannotRun(String message, Throwable cause) {
        super(message, cause);
    }
}
