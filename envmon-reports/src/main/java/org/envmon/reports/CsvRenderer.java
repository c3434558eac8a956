package org.envmon.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV: UTF-8 with a byte-order mark (so that Excel opens Chinese text correctly), RFC 4180 quoting, CRLF line ends
 * ({@link CSVFormat#EXCEL}).
 *
 * <p>Layout decision:
 * <ul>
 *   <li>A report with <b>one table</b> (e.g. {@code report.select("daily")}, the CLI's {@code --table}) is written
 *       as a plain rectangular table: the header row (Chinese headings with units), then the data rows. No caption,
 *       no notes: the file loads as-is into Excel, pandas, R or a database.</li>
 *   <li>A report with <b>several tables</b> is written as sections, one after another: a row with the report title,
 *       the subtitle row and the generation-time row, an empty row; then per table a caption row, the header row,
 *       the data rows, one row per note ("注：…"), and an empty row.</li>
 * </ul>
 * Numbers are written at their reporting precision ({@code 35}, {@code 1.2}); percentages as the percent number
 * ({@code 83.5}, the heading says %); a missing value is an empty field.
 */
public final class CsvRenderer implements ReportRenderer {

    /** UTF-8 byte-order mark. */
    public static final String BOM = "\uFEFF";

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.EXCEL);
        if (report.tables().size() == 1) {
            writeTable(p, report.tables().get(0));
        } else {
            p.printRecord(report.title());
            p.printRecord(report.subtitle());
            p.printRecord(report.generatedLine());
            for (String n : report.notes()) {
                p.printRecord("注：" + n);
            }
            p.println();
            for (Table t : report.tables()) {
                p.printRecord(t.caption());
                writeTable(p, t);
                for (String n : t.notes()) {
                    p.printRecord("注：" + n);
                }
                p.println();
            }
        }
        p.flush();
    }

    private static void writeTable(CSVPrinter p, Table t) throws IOException {
        List<String> header = new ArrayList<>();
        for (Column c : t.columns()) {
            header.add(c.header());
        }
        p.printRecord(header);
        List<String> fields = new ArrayList<>(t.columns().size());
        for (List<Cell> row : t.rows()) {
            fields.clear();
            for (Cell c : row) {
                fields.add(field(c));
            }
            p.printRecord(fields);
        }
    }

    /** The CSV text of one cell. */
    static String field(Cell c) {
        if (c instanceof Cell.Text t) {
            return t.text();
        } else if (c instanceof Cell.Int i) {
            return Long.toString(i.value());
        } else if (c instanceof Cell.Decimal d) {
            return d.value().toPlainString();
        } else if (c instanceof Cell.Percent pc) {
            return pc.value().toPlainString();
        }
        return "";
    }
}
