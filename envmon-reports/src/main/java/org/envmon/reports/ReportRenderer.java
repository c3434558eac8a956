package org.envmon.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Renders a {@link Report} to one file format. Implementations are stateless and thread-safe. */
public interface ReportRenderer {

    ReportFormat format();

    /** Writes the report to {@code out} (not closed). */
    void render(Report report, OutputStream out) throws IOException;

    /**
     * The rendered file as bytes.
     *
     * @throws ReportRenderingException when rendering fails (e.g. the PDF font cannot be loaded), with the reason
     */
    default byte[] toBytes(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            render(report, out);
        } catch (IOException | RuntimeException e) {
            throw new ReportRenderingException(format(), e);
        }
        return out.toByteArray();
    }
}
