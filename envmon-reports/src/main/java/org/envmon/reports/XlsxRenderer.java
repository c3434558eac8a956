package org.envmon.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel (xlsx) through Apache POI. The first sheet, {@value #COVER_SHEET}, holds the title, subtitle, generation time,
 * the report's notes and the list of tables; then one sheet per table: row 1 the caption, row 2 the bold header
 * (Chinese headings with units), data from row 3, the table's notes after one empty row. The caption and header rows
 * are frozen and repeat on printed pages (A4 landscape, fit to width).
 *
 * <p>Cells are typed: integers and decimals are numeric cells with a number format of exactly the reporting
 * precision ({@code 0}, {@code 0.0}, {@code 0.00}); percentages are numeric fractions (83.5 % → 0.835) with a
 * percent format ({@code 0.0%}); text is text; a missing value is the text "—".
 */
public final class XlsxRenderer implements ReportRenderer {

    /** Name of the first sheet. */
    public static final String COVER_SHEET = "说明";
    /** Row index (0-based) of the header row on a table sheet; data start on the next row. */
    public static final int HEADER_ROW = 1;

    private static final int MAX_COLUMN_CHARS = 40;
    private static final int MAX_HEADER_CHARS = 16;

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            cover(wb, st, report);
            Set<String> names = new HashSet<>();
            names.add(COVER_SHEET);
            for (Table t : report.tables()) {
                table(wb.createSheet(sheetName(t, names)), st, t);
            }
            wb.write(out);
        }
    }

    /** The sheet name of a table: its caption without the trailing period in parentheses, made safe and unique. */
    static String sheetName(Table t, Set<String> used) {
        String c = t.caption();
        int p = c.lastIndexOf('（');
        if (p > 0 && c.endsWith("）")) {
            c = c.substring(0, p);
        }
        String base = WorkbookUtil.createSafeSheetName(c);
        String name = base;
        for (int i = 2; used.contains(name); i++) {
            String suffix = "-" + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name);
        return name;
    }

    private static void cover(XSSFWorkbook wb, Styles st, Report r) {
        Sheet s = wb.createSheet(COVER_SHEET);
        int i = 0;
        put(s, i++, r.title(), st.title);
        put(s, i++, r.subtitle(), st.text);
        put(s, i++, r.generatedLine(), st.text);
        i++;
        if (!r.notes().isEmpty()) {
            put(s, i++, "说明", st.bold);
            for (String n : r.notes()) {
                put(s, i++, n, st.text);
            }
            i++;
        }
        put(s, i++, "表格", st.bold);
        int k = 1;
        for (Table t : r.tables()) {
            put(s, i++, "表" + k++ + "  " + t.caption(), st.text);
        }
        s.setColumnWidth(0, 100 * 256);
    }

    private static void put(Sheet s, int row, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell c = s.createRow(row).createCell(0);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    private static void table(Sheet s, Styles st, Table t) {
        int n = t.columns().size();
        Row cap = s.createRow(0);
        org.apache.poi.ss.usermodel.Cell cc = cap.createCell(0);
        cc.setCellValue(t.caption());
        cc.setCellStyle(st.title);
        if (n > 1) {
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, n - 1));
        }
        int[] width = new int[n];
        Row head = s.createRow(HEADER_ROW);
        for (int j = 0; j < n; j++) {
            String h = t.columns().get(j).header();
            org.apache.poi.ss.usermodel.Cell c = head.createCell(j);
            c.setCellValue(h);
            c.setCellStyle(st.header);
            width[j] = Math.max(6, Math.min(MAX_HEADER_CHARS, displayWidth(h)));
        }
        int r = HEADER_ROW + 1;
        for (List<Cell> row : t.rows()) {
            Row x = s.createRow(r++);
            for (int j = 0; j < n; j++) {
                Cell v = row.get(j);
                org.apache.poi.ss.usermodel.Cell c = x.createCell(j);
                if (v instanceof Cell.Int i) {
                    c.setCellValue(i.value());
                    c.setCellStyle(st.number(0, false));
                } else if (v instanceof Cell.Decimal d) {
                    c.setCellValue(d.value().doubleValue());
                    c.setCellStyle(st.number(d.scale(), false));
                } else if (v instanceof Cell.Percent p) {
                    c.setCellValue(p.value().movePointLeft(2).doubleValue());
                    c.setCellStyle(st.number(p.scale(), true));
                } else if (v instanceof Cell.Missing) {
                    c.setCellValue(Cell.MISSING_MARK);
                    c.setCellStyle(st.centered);
                } else {
                    c.setCellValue(v.display());
                    c.setCellStyle(st.cell);
                }
                width[j] = Math.max(width[j], Math.min(MAX_COLUMN_CHARS, displayWidth(v.display())));
            }
        }
        int lines = 1;
        for (int j = 0; j < n; j++) {
            s.setColumnWidth(j, (width[j] + 2) * 256);
            int w = displayWidth(t.columns().get(j).header());
            lines = Math.max(lines, (w + width[j] - 1) / width[j]);
        }
        head.setHeightInPoints(Math.min(4, lines) * 15f + 3f);
        r++;
        for (String note : t.notes()) {
            org.apache.poi.ss.usermodel.Cell c = s.createRow(r++).createCell(0);
            c.setCellValue("注：" + note);
            c.setCellStyle(st.text);
        }
        s.createFreezePane(0, HEADER_ROW + 1);
        s.setRepeatingRows(new CellRangeAddress(0, HEADER_ROW, -1, -1));
        PrintSetup ps = s.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setFitToPage(true);
    }

    /** Approximate width in Latin characters: East Asian (wide) characters count 2. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x2E80 ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Cell styles of one workbook, created once (a workbook holds at most 64 000 styles). */
    private static final class Styles {
        final XSSFWorkbook wb;
        final CellStyle title;
        final CellStyle bold;
        final CellStyle text;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle centered;
        final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font b = wb.createFont();
            b.setBold(true);
            title = wb.createCellStyle();
            title.setFont(big);
            bold = wb.createCellStyle();
            bold.setFont(b);
            text = wb.createCellStyle();
            header = bordered();
            header.setFont(b);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            cell = bordered();
            centered = bordered();
            centered.setAlignment(HorizontalAlignment.CENTER);
        }

        private CellStyle bordered() {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }

        CellStyle number(int scale, boolean percent) {
            String format = (scale == 0 ? "0" : "0." + "0".repeat(scale)) + (percent ? "%" : "");
            return numbers.computeIfAbsent(format, f -> {
                CellStyle s = bordered();
                s.setDataFormat(wb.createDataFormat().getFormat(f));
                s.setAlignment(HorizontalAlignment.RIGHT);
                return s;
            });
        }
    }
}
