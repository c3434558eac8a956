package org.envmon.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalcAqiCommandTest {

    static final String HEADER_OUT = "aqi,level,category,primary_pollutants,iaqi_so2,iaqi_no2,iaqi_pm10,iaqi_pm25,"
            + "iaqi_co,iaqi_o3,iaqi_o3_8h,edition";

    @Test
    void hourlyWithPassThroughAndEditionByTime() {
        var r = CalcTestSupport.run("""
                station,time,so2,no2,pm10,pm25,co,o3
                1001A,2026-03-01 00:00,10,20,75,76,0.6,100
                1001A,2026-03-01 01:00,10,20,75,76,0.6,100
                """, "aqi", "--period", "hour");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().split("\n")).containsExactly(
                "station,time,so2,no2,pm10,pm25,co,o3," + HEADER_OUT,
                // 2012: PM2.5 76 -> 100 + 50*1/40 = 101.25 -> 102
                "1001A,2026-03-01 00:00,10,20,75,76,0.6,100,102,3,轻度污染,pm25,4,10,63,102,6,32,,2012",
                // 2026: PM2.5 76 -> 100 + 50*16/55 = 114.5 -> 115; PM10 75 -> 50 + 50*25/70 = 67.9 -> 68
                "1001A,2026-03-01 01:00,10,20,75,76,0.6,100,115,3,轻度污染,pm25,4,10,68,115,6,32,,2026");
    }

    @Test
    void theApiTimesWithAnOffsetAreTheHourStart() {
        // The API's time is the start of the hour: 2026-02-28T23:00+08:00 is the hour labelled 2026-03-01 00:00.
        var r = CalcTestSupport.run("""
                time,pm25
                2026-02-28T23:00+08:00,76
                2026-03-01T00:00:00+08:00,76
                2026-02-28T15:00Z,76
                2026-02-28T16:00:00Z,76
                """, "aqi", "--period", "hour");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().split("\n")).extracting(l -> l.substring(l.lastIndexOf(',') + 1))
                .containsExactly("edition", "2012", "2026", "2012", "2026");
        var bad = CalcTestSupport.run("time,pm25\n2026-03-01T00:00+25:00,76\n", "aqi", "--period", "hour");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("<stdin>:2:1 (time): not a date-time").contains("2019-01-01T00:00+08:00");
    }

    @Test
    void explicitEditionAndDefault() {
        String in = "pm25,pm10\n70,\n";
        assertThat(CalcTestSupport.run(in, "aqi", "--period", "hour").out()).contains("\n70,,110,3,轻度污染,pm25,");
        assertThat(CalcTestSupport.run(in, "aqi", "--period", "hour", "--edition", "2012").out())
                .contains("\n70,,94,2,良,pm25,").endsWith(",2012\n");
    }

    @Test
    void cityScopeRoundsHalfUpIn2012() {
        String in = "time,pm25\n2019-01-01 01:00,75.4\n2026-03-01 01:00,60.5\n";
        // 2012: a station scores 75.4 -> 100.5 -> 101; a city publishes 75 -> 100; 2026: 60.5 -> 60 -> 100 either way
        assertThat(CalcTestSupport.run(in, "aqi", "--period", "hour").out())
                .contains("\n2019-01-01 01:00,75.4,101,3,").contains("\n2026-03-01 01:00,60.5,100,2,");
        var city = CalcTestSupport.run(in, "aqi", "--period", "hour", "--scope", "city");
        assertThat(city.exit()).isZero();
        assertThat(city.out()).contains("\n2019-01-01 01:00,75.4,100,2,").contains("\n2026-03-01 01:00,60.5,100,2,");
        assertThat(CalcTestSupport.run(in, "aqi", "--period", "hour", "--scope", "county").exit()).isEqualTo(2);
    }

    @Test
    void dailyReport() {
        var r = CalcTestSupport.run("date,so2,no2,pm10,pm25,co,o3_1h,o3_8h\n2019-07-01,10,20,40,20,0.5,250,150\n"
                + "2026-07-01,10,20,40,20,0.5,250,150\n", "aqi", "--period", "day");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).endsWith("aqi,level,category,primary_pollutants,iaqi_so2,iaqi_no2,iaqi_pm10,iaqi_pm25,"
                + "iaqi_co,iaqi_o3_1h,iaqi_o3_8h,edition");
        assertThat(lines[1]).endsWith(",125,3,轻度污染,o3_1h,10,25,40,29,13,125,92,2012");
        assertThat(lines[2]).endsWith(",92,2,良,o3_8h,10,25,40,29,13,,92,2026");
    }

    @Test
    void badCellsReportedWithLineAndColumnOtherRowsProcessed() {
        var r = CalcTestSupport.run("""
                id,so2,no2,pm10,pm25,co,o3
                a,abc,20,30,20,0.6,50
                "b
                multiline",1,2,3,4,0.1,5
                c,1,2,-3,4,0.1,5
                d,,,,,,
                """, "aqi", "--period", "hour");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("<stdin>:2:2 (so2): not a number: 'abc'")
                .contains("<stdin>:5:4 (pm10): negative value: -3");
        String[] lines = r.out().split("\n");
        assertThat(r.out()).contains("a,abc,20,30,20,0.6,50,,,,,,,,,,,,2026\n");
        assertThat(r.out()).contains("multiline\",1,2,3,4,0.1,5,6,1,优,,");
        assertThat(lines[lines.length - 1]).isEqualTo("d,,,,,,,,,,,,,,,,,,2026");
    }

    @Test
    void unknownOptionAndBadEditionExitTwo() {
        assertThat(CalcTestSupport.run("", "aqi", "--period", "hour", "--bogus").exit()).isEqualTo(2);
        var r = CalcTestSupport.run("so2\n1\n", "aqi", "--period", "hour", "--edition", "2019");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("2019");
    }

    @Test
    void fileInputBomAndExistingResultColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, "\uFEFFso2,aqi\n900,7\n");
        var r = CalcTestSupport.run("", "aqi", "--period", "hour", "--edition", "2026", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("so2," + HEADER_OUT + "\n900,200,4,中度污染,so2,200,");
    }
}
