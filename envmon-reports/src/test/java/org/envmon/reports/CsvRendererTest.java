package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

    static List<CSVRecord> parse(byte[] bytes) throws Exception {
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }

    @Test
    void singleTableIsRectangularWithBom() throws Exception {
        Report r = AirReportsTest.MONTH.report().select("daily");
        byte[] bytes = new CsvRenderer().toBytes(r);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
        List<CSVRecord> rec = parse(bytes);
        assertThat(rec).hasSize(1 + 31);
        assertThat(rec.get(0).toList()).containsExactly("日期", "AQI", "级别", "类别", "首要污染物", "SO2（µg/m³）",
                "NO2（µg/m³）", "PM10（µg/m³）", "PM2.5（µg/m³）", "CO（mg/m³）", "O3 日最大8小时（µg/m³）");
        assertThat(rec.get(1).toList()).containsExactly("2025-01-01", "38", "一级", "优", "", "8", "30", "35", "22",
                "0.8", "60");
        assertThat(rec.get(2).get(3)).isEqualTo("良");
        assertThat(rec.get(2).get(4)).isEqualTo("PM2.5");
        assertThat(rec).allSatisfy(x -> assertThat(x.size()).isEqualTo(11));
    }

    @Test
    void percentagesArePercentNumbers() throws Exception {
        var e = AirReportsTest.MONTH.stations.get(0).period();
        List<CSVRecord> rec = parse(new CsvRenderer().toBytes(AirReportsTest.MONTH.report().select("stations")));
        assertThat(rec.get(0).get(10)).isEqualTo("优良天数比例（%）");
        assertThat(rec.get(1).get(10)).isEqualTo(e.goodDaysRatio().orElseThrow().toPlainString());
        assertThat(rec.get(1).get(11)).isEqualTo(e.composite().total().orElseThrow().toPlainString());
        assertThat(rec.get(3).get(2)).isEqualTo("对照点");
    }

    @Test
    void severalTablesAreSections() throws Exception {
        Report r = AirReportsTest.YEAR.report();
        List<CSVRecord> rec = parse(new CsvRenderer().toBytes(r));
        assertThat(rec.get(0).get(0)).isEqualTo(r.title());
        assertThat(rec.get(1).get(0)).isEqualTo(r.subtitle());
        for (Table t : r.tables()) {
            int at = -1;
            for (int i = 0; i < rec.size(); i++) {
                if (rec.get(i).get(0).equals(t.caption())) {
                    at = i;
                }
            }
            assertThat(at).as(t.id()).isPositive();
            assertThat(rec.get(at + 1).get(0)).isEqualTo(t.columns().get(0).header());
            assertThat(rec.get(at + 2).size()).isEqualTo(t.columns().size());
        }
        assertThat(rec).anyMatch(x -> x.get(0).equals("PM2.5") && x.get(6).equals("超标"));
        assertThat(rec).anyMatch(x -> x.get(0).startsWith("注：对照点（定陵）"));
    }

    @Test
    void waterSections() throws Exception {
        List<CSVRecord> rec = parse(new CsvRenderer().toBytes(Fixtures.waterReport().select("sections")));
        assertThat(rec.get(0).get(8)).isEqualTo("主要污染指标（超标倍数）");
        assertThat(rec.get(6).get(1)).isEqualTo("洪湖");
        assertThat(rec.get(6).get(5)).isEqualTo("湖库");
        assertThat(rec.get(6).get(6)).isEqualTo("劣Ⅴ");
        assertThat(rec.get(6).get(7)).isEqualTo("重度污染");
    }
}
