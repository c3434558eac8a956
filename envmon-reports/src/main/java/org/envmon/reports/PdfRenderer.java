package org.envmon.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * PDF through OpenPDF: A4 landscape; the title, subtitle and generation time; per table a caption, a table whose
 * header row repeats on every page, and its notes; the report's notes at the end; page numbers in the footer.
 *
 * <p>Chinese text uses a CJK font found by {@link CjkFont} (a configured or system font, else the one shipped in this
 * jar) or given to the constructor, embedded as a subset with Identity-H encoding (text stays extractable and
 * searchable). Characters the CJK font lacks (e.g. Latin letters in Droid Sans Fallback) fall back to Helvetica.
 */
public final class PdfRenderer implements ReportRenderer {

    /** A4 landscape as a landscape media box (842 × 595 pt), not a portrait page with /Rotate 90. */
    private static final Rectangle A4_LANDSCAPE = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
    private static final Color HEADER_FILL = new Color(0xE6, 0xE6, 0xE6);
    private static final Color RULE = new Color(0x80, 0x80, 0x80);

    /** ASCII spellings of the Roman numeral forms U+2160 … U+216B (water classes Ⅰ … Ⅴ). */
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private final String fontSpec;

    /** Uses {@link CjkFont#locate()} at render time. */
    public PdfRenderer() {
        this(null);
    }

    /**
     * Uses the given font ({@code path}, {@code path,index} or {@value CjkFont#SHIPPED}); null =
     * {@link CjkFont#locate()}.
     */
    public PdfRenderer(String fontSpec) {
        this.fontSpec = fontSpec;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        String spec = fontSpec != null ? fontSpec : CjkFont.locate();
        BaseFont cjk;
        try {
            cjk = CjkFont.load(spec);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot load the CJK font for PDF reports " + spec + ": " + e.getMessage()
                    + " (set -D" + CjkFont.PROPERTY + " to another font)", e);
        }
        Fonts f = new Fonts(cjk);
        Document doc = new Document(A4_LANDSCAPE, 36, 36, 36, 42);
        try {
            PdfWriter w = PdfWriter.getInstance(doc, new NonClosing(out));
            w.setPageEvent(new Footer(f, report));
            doc.addTitle(report.title());
            doc.addSubject(report.subtitle());
            doc.addCreator("EnvMon");
            doc.open();
            Paragraph title = f.paragraph(report.title(), f.title);
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph sub = f.paragraph(report.subtitle(), f.small);
            sub.setAlignment(Element.ALIGN_CENTER);
            doc.add(sub);
            Paragraph gen = f.paragraph(report.generatedLine(), f.small);
            gen.setAlignment(Element.ALIGN_CENTER);
            gen.setSpacingAfter(6);
            doc.add(gen);
            int k = 1;
            for (Table t : report.tables()) {
                Paragraph cap = f.paragraph("表" + k++ + "  " + t.caption(), f.caption);
                cap.setSpacingBefore(8);
                cap.setSpacingAfter(4);
                doc.add(cap);
                doc.add(table(t, f));
                for (String n : t.notes()) {
                    doc.add(f.paragraph("注：" + n, f.small));
                }
            }
            if (!report.notes().isEmpty()) {
                Paragraph h = f.paragraph("说明", f.caption);
                h.setSpacingBefore(10);
                doc.add(h);
                int i = 1;
                for (String n : report.notes()) {
                    doc.add(f.paragraph(i++ + ". " + n, f.small));
                }
            }
        } catch (DocumentException e) {
            throw new IOException("PDF rendering failed: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
    }

    private static PdfPTable table(Table t, Fonts f) throws DocumentException {
        int n = t.columns().size();
        PdfPTable pt = new PdfPTable(n);
        pt.setWidthPercentage(100);
        pt.setHeaderRows(1);
        pt.setSplitLate(false);
        float[] widths = new float[n];
        for (int j = 0; j < n; j++) {
            Column c = t.columns().get(j);
            int head = Math.max(Math.min(16, XlsxRenderer.displayWidth(c.title())),
                    c.unit().isEmpty() ? 0 : XlsxRenderer.displayWidth(c.unit()) + 4);
            widths[j] = Math.max(4, head);
        }
        for (List<Cell> row : t.rows()) {
            for (int j = 0; j < n; j++) {
                widths[j] = Math.max(widths[j], Math.min(40, XlsxRenderer.displayWidth(row.get(j).display())));
            }
        }
        for (int j = 0; j < n; j++) {
            widths[j] += 2;
        }
        pt.setWidths(widths);
        for (Column c : t.columns()) {
            String h = c.unit().isEmpty() ? c.title() : c.title() + "\n（" + c.unit() + "）";
            PdfPCell cell = new PdfPCell(f.phrase(h, f.header));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setBorderColor(RULE);
            cell.setPadding(3);
            pt.addCell(cell);
        }
        for (List<Cell> row : t.rows()) {
            for (Cell v : row) {
                PdfPCell cell = new PdfPCell(f.phrase(v.display(), f.body));
                boolean number = v instanceof Cell.Int || v instanceof Cell.Decimal || v instanceof Cell.Percent;
                cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT
                        : v instanceof Cell.Missing ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
                cell.setBorderColor(RULE);
                cell.setPadding(2.5f);
                pt.addCell(cell);
            }
        }
        return pt;
    }

    /** The fonts of one document: the CJK font first, Helvetica for what it lacks. */
    private static final class Fonts {
        final Font[] title;
        final Font[] caption;
        final Font[] header;
        final Font[] body;
        final Font[] small;

        Fonts(BaseFont cjk) {
            title = pair(cjk, 16, Font.BOLD);
            caption = pair(cjk, 11, Font.BOLD);
            header = pair(cjk, 8, Font.BOLD);
            body = pair(cjk, 8, Font.NORMAL);
            small = pair(cjk, 8, Font.NORMAL);
        }

        private static Font[] pair(BaseFont cjk, float size, int style) {
            return new Font[] {new Font(cjk, size, style), new Font(Font.HELVETICA, size, style)};
        }

        /**
         * Runs of the text in the first font that has each character (the CJK font, else Helvetica). Done here
         * rather than with OpenPDF's FontSelector, whose constructor registers fonts on every call.
         */
        Phrase phrase(String text, Font[] fonts) {
            Phrase p = new Phrase();
            p.setLeading(fonts[0].getSize() * 1.3f);
            BaseFont primary = fonts[0].getBaseFont();
            StringBuilder run = new StringBuilder();
            int current = -1;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                String piece = new String(Character.toChars(cp));
                int which = 0;
                if (!primary.charExists(cp) && !Character.isWhitespace(cp)) {
                    which = 1;
                    if (cp >= 0x2160 && cp < 0x2160 + ROMAN.length) {
                        piece = ROMAN[cp - 0x2160]; // Ⅲ → III where the CJK font lacks the numeral forms
                    }
                }
                if (which != current && run.length() > 0) {
                    p.add(new Chunk(run.toString(), fonts[current]));
                    run.setLength(0);
                }
                current = which;
                run.append(piece);
            }
            if (run.length() > 0) {
                p.add(new Chunk(run.toString(), fonts[current]));
            }
            return p;
        }

        Paragraph paragraph(String text, Font[] fonts) {
            Paragraph p = new Paragraph(phrase(text, fonts));
            p.setLeading(fonts[0].getSize() * 1.4f);
            return p;
        }
    }

    /** Footer: report title on the left, page number on the right. */
    private static final class Footer extends PdfPageEventHelper {
        private final Fonts f;
        private final Report report;

        Footer(Fonts f, Report report) {
            this.f = f;
            this.report = report;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - 20;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, f.phrase(report.title(), f.small), document.left(),
                    y, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                    f.phrase("第 " + writer.getPageNumber() + " 页", f.small), document.right(), y, 0);
        }
    }

    /** Keeps the caller's stream open when OpenPDF closes the document. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
