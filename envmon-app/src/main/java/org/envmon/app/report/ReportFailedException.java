package org.envmon.app.report;

/** A report could not be built from the store's data; rendered as 500 problem+json with the reason. */
public class ReportFailedException extends RuntimeException {
    public ReportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
