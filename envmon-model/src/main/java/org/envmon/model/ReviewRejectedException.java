package org.envmon.model;

/**
 * A review request that cannot be recorded; nothing was stored. {@link #reason()} says how an API should answer:
 * {@code INVALID} 400, {@code NOT_FOUND} 404, {@code CONFLICT} 409. Not a {@link StoreException}: the store is
 * fine, the request is not.
 */
public class ReviewRejectedException extends RuntimeException {
    public enum Reason {
        /** A mandatory field is missing or blank, or the range is empty (from >= to). */
        INVALID,
        /** The site does not exist, or the range holds no data of the scope. */
        NOT_FOUND,
        /** The request overlaps an earlier review with the same decision that is still in effect. */
        CONFLICT
    }

    private final Reason reason;

    public ReviewRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
