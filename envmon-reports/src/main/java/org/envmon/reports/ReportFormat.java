package org.envmon.reports;

import java.util.Locale;

/** The file formats a report renders to. */
public enum ReportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    /** The HTTP Content-Type of a download. */
    public String contentType() {
        return contentType;
    }

    /** {@code xlsx}, {@code csv}, {@code pdf} (case-insensitive). */
    public static ReportFormat parse(String s) {
        for (ReportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + s + "' (xlsx, csv, pdf)");
    }

    /** A renderer for this format with default settings. */
    public ReportRenderer renderer() {
        return switch (this) {
            case XLSX -> new XlsxRenderer();
            case CSV -> new CsvRenderer();
            case PDF -> new PdfRenderer();
        };
    }

    @Override
    public String toString() {
        return extension.toUpperCase(Locale.ROOT);
    }
}
