package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRendererTest {

    static XSSFWorkbook read(Report r) throws Exception {
        byte[] bytes = new XlsxRenderer().toBytes(r);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Data row {@code i} (0-based) of a table sheet. */
    static Row data(Sheet s, int i) {
        return s.getRow(XlsxRenderer.HEADER_ROW + 1 + i);
    }

    @Test
    void oneSheetPerTableWithBoldFrozenHeader() throws Exception {
        Report r = AirReportsTest.MONTH.report();
        try (XSSFWorkbook wb = read(r)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1 + r.tables().size());
            assertThat(wb.getSheetName(0)).isEqualTo("说明");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(r.title());
            assertThat(wb.getSheetName(1)).isEqualTo("北京各监测站点环境空气质量统计");
            XSSFSheet s = wb.getSheetAt(1);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(r.tables().get(0).caption());
            Row head = s.getRow(XlsxRenderer.HEADER_ROW);
            assertThat(head.getCell(7).getStringCellValue()).isEqualTo("PM2.5 平均浓度（µg/m³）");
            assertThat(wb.getFontAt(head.getCell(7).getCellStyle().getFontIndex()).getBold()).isTrue();
            PaneInformation pane = s.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) (XlsxRenderer.HEADER_ROW + 1));
            assertThat(s.getColumnWidth(1)).isGreaterThan(6 * 256);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void numericCellsWithTheReportingPrecision() throws Exception {
        Fixtures f = AirReportsTest.MONTH;
        var dong = f.stations.get(0).period();
        try (XSSFWorkbook wb = read(f.report())) {
            Row r = data(wb.getSheetAt(1), 0);
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo("东四");
            XSSFCell so2 = (XSSFCell) r.getCell(4);
            assertThat(so2.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(so2.getNumericCellValue()).isEqualTo(8.0);
            assertThat(so2.getCellStyle().getDataFormatString()).isEqualTo("0");
            XSSFCell co = (XSSFCell) r.getCell(8);
            assertThat(co.getNumericCellValue()).isEqualTo(0.8);
            assertThat(co.getCellStyle().getDataFormatString()).isEqualTo("0.0");
            XSSFCell good = (XSSFCell) r.getCell(10);
            assertThat(good.getNumericCellValue())
                    .isEqualTo(dong.goodDaysRatio().orElseThrow().movePointLeft(2).doubleValue());
            assertThat(good.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            XSSFCell comp = (XSSFCell) r.getCell(11);
            assertThat(BigDecimal.valueOf(comp.getNumericCellValue()))
                    .isEqualByComparingTo(dong.composite().total().orElseThrow());
            assertThat(comp.getCellStyle().getDataFormatString()).isEqualTo("0.00");

            XSSFSheet daily = wb.getSheet("北京逐日空气质量指数");
            assertThat(data(daily, 0).getCell(0).getStringCellValue()).isEqualTo("2025-01-01");
            assertThat(data(daily, 0).getCell(1).getNumericCellValue()).isEqualTo(38.0);
            assertThat(data(daily, 0).getCell(3).getStringCellValue()).isEqualTo("优");
            assertThat(data(daily, 0).getCell(4).getStringCellValue()).isEqualTo("—");
            assertThat(data(daily, 1).getCell(3).getStringCellValue()).isEqualTo("良");
            assertThat(data(daily, 1).getCell(4).getStringCellValue()).isEqualTo("PM2.5");
            // notes below the data, after one empty row
            Row note = daily.getRow(XlsxRenderer.HEADER_ROW + 1 + 31 + 1);
            assertThat(note.getCell(0).getStringCellValue()).startsWith("注：AQI 不大于50");
        }
    }

    @Test
    void yearCityTableComplianceAndMultiples() throws Exception {
        Fixtures f = AirReportsTest.YEAR;
        var pm = AirReportsTest.stat(f, org.envmon.standards.air.Pollutant.PM25, "annual_mean");
        try (XSSFWorkbook wb = read(f.report().select("city"))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Row r = data(wb.getSheetAt(1), 6);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("PM2.5");
            assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(pm.value().orElseThrow().doubleValue());
            assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(35.0);
            assertThat(r.getCell(6).getStringCellValue()).isEqualTo("超标");
            assertThat(r.getCell(7).getNumericCellValue())
                    .isEqualTo(pm.exceedanceMultipleClass2().orElseThrow().doubleValue());
            assertThat(((XSSFCell) r.getCell(7)).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        }
    }

    @Test
    void waterReport() throws Exception {
        Report r = Fixtures.waterReport();
        try (XSSFWorkbook wb = read(r)) {
            XSSFSheet s = wb.getSheet("各断面水质类别");
            assertThat(data(s, 4).getCell(1).getStringCellValue()).isEqualTo("沙市");
            assertThat(data(s, 4).getCell(6).getStringCellValue()).isEqualTo("Ⅴ");
            assertThat(data(s, 4).getCell(8).getStringCellValue()).isEqualTo("总磷（0.75）、氨氮（0.40）、高锰酸盐指数（0.08）");
            XSSFSheet b = wb.getSheet("各流域水质状况");
            assertThat(data(b, 0).getCell(0).getStringCellValue()).isEqualTo("长江");
            assertThat(data(b, 0).getCell(1).getNumericCellValue()).isEqualTo(6.0);
            assertThat(data(b, 0).getCell(8).getStringCellValue()).isEqualTo("—"); // share method: no mean class
            assertThat(data(b, 0).getCell(9).getNumericCellValue()).isEqualTo(0.5); // 3 of 6 sections I–III
            assertThat(data(b, 0).getCell(12).getStringCellValue()).isEqualTo("断面类别比例法");
            XSSFSheet p = wb.getSheet("各省份水质状况");
            assertThat(data(p, 0).getCell(0).getStringCellValue()).isEqualTo("湖北省");
            assertThat(data(p, 0).getCell(8).getStringCellValue()).isEqualTo("劣Ⅴ");
            assertThat(data(p, 0).getCell(12).getStringCellValue()).isEqualTo("断面平均浓度法");
            XSSFSheet c = wb.getSheet("城市地表水环境质量指数（CWQI）排名");
            assertThat(data(c, 0).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(data(c, 0).getCell(1).getStringCellValue()).isEqualTo("宜昌");
            assertThat(((XSSFCell) data(c, 0).getCell(2)).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        }
    }
}
