package org.envmon.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalcAirAnnualCommandTest {

    static String year(int y) {
        StringBuilder sb = new StringBuilder("date,so2,no2,pm10,pm25,co,o3_8h,exceptional\n");
        int i = 0;
        for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1), i++) {
            sb.append(d).append(',').append(5 + i % 10).append(',').append(20 + i % 30).append(',')
                    .append(40 + i % 50).append(',').append(20 + i % 40).append(",0.").append(4 + i % 6)
                    .append(',').append(60 + i % 120).append(',').append(i < 3 ? "dust" : "").append('\n');
        }
        return sb.toString();
    }

    @Test
    void fullYear2019() {
        var r = CalcTestSupport.run(year(2019), "air-annual");
        assertThat(r.exit()).isZero();
        String out = r.out();
        assertThat(out).startsWith("pollutant,valid_days,statistic,value,limit_class2,compliant,edition\n");
        assertThat(out).contains("\nso2,365,annual_mean,9,60,true,2012\n");
        assertThat(out).contains("\npm25,365,annual_mean,");
        assertThat(out).contains(",p98,").contains("\nco,365,p95,").contains("\no3_8h,365,p90,");
        assertThat(out).contains("\nall,365,good_days_ratio,").contains("\nall,,composite_index,");
    }

    @Test
    void edition2026ExcludesDustDaysPm() {
        var r = CalcTestSupport.run(year(2019), "air-annual", "--edition", "2026");
        assertThat(r.out()).contains("\npm25,362,annual_mean,").contains(",30,").contains(",2026\n");
        var inc = CalcTestSupport.run(year(2019), "air-annual", "--edition", "2026", "--exceptional", "include");
        assertThat(inc.out()).contains("\npm25,365,annual_mean,");
    }

    @Test
    void badRowsReported() {
        var r = CalcTestSupport.run("date,so2,no2\n2019-01-01,x,3\nnot-a-date,1,2\n2019-01-01,1,1\n", "air-annual");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(":2:2 (so2)").contains(":3:1 (date)").contains(":4:1 (date): duplicate");
        assertThat(r.out()).contains("\nno2,1,annual_mean,3,40,,2012\n");
    }
}
