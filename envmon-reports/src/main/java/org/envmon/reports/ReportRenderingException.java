package org.envmon.reports;

/** A report could not be rendered to its file format; the message says which format and why. */
public class ReportRenderingException extends RuntimeException {
    private final ReportFormat format;

    public ReportRenderingException(ReportFormat format, Throwable cause) {
        super(format + " report could not be rendered: " + reason(cause), cause);
        this.format = format;
    }

    public ReportFormat format() {
        return format;
    }

    private static String reason(Throwable cause) {
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }
}
