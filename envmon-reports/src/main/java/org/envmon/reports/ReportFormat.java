package org.envmon.reports;

import java.util.Arrays;
import java.util.Locale;

/** The file formats a report renders to. */
public enum ReportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv; charset=UTF-8"),
    PDF("application/pdf");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The file extension: the format's name in lower case. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP Content-Type of a download. */
    public String contentType() {
        return contentType;
    }

    /** {@code xlsx}, {@code csv}, {@code pdf} (case-insensitive). */
    public static ReportFormat parse(String s) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(s.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + s + "' (xlsx, csv, pdf)"));
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
        return name();
    }
}
