package org.envmon.quality.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QcRulesTest {
    private static final String H = QcRules.HEADER + "\n";

    @Test
    void defaultsCoverTheIssueParametersAndEveryRowHasAReason() {
        QcRules r = QcRules.defaults();
        for (String code : new String[] {"a34004", "a34002", "a21026", "a21004", "a21002", "a21005", "a05024"}) {
            assertThat(r.rule(Medium.AIR, Interval.HOUR, code)).as(code).isNotNull();
        }
        for (String code : new String[] {"w01001", "w01009", "w01019", "w21003", "w21011", "w21001", "w01010"}) {
            assertThat(r.rule(Medium.SURFACE_WATER, Interval.HOUR, code)).as(code).isNotNull();
        }
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.reason()).hasSizeGreaterThan(10));
        assertThat(r.rule(Medium.AIR, Interval.HOUR, "w01001")).isNull();
    }

    @Test
    void intervalRowLaysOverTheStarRow() {
        QcRules r = QcRules.defaults();
        ParamRule hour = r.rule(Medium.AIR, Interval.HOUR, "a34004");
        ParamRule minute = r.rule(Medium.AIR, Interval.MINUTE, "a34004");
        assertThat(hour.max()).isEqualTo(3000);
        assertThat(hour.constantN()).isEqualTo(12);
        assertThat(hour.spikeFactor()).isEqualTo(4);
        assertThat(hour.notAbove()).isEqualTo("a34002");
        assertThat(hour.pairCode()).isEqualTo(QcCode.PM25_ABOVE_PM10);
        assertThat(hour.maxGapMillis()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(minute.max()).isEqualTo(3000);
        assertThat(minute.constantN()).isZero();
        assertThat(minute.spikeFactor()).isNaN();
        assertThat(minute.maxGapMillis()).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(r.rule(Medium.SURFACE_WATER, Interval.HOUR, "w01001").maxGapMillis())
                .isEqualTo(Duration.ofHours(4).toMillis());
        assertThat(r.rule(Medium.SURFACE_WATER, Interval.HOUR, "w21003").pairCode()).isEqualTo(QcCode.PART_ABOVE_TOTAL);
        assertThat(r.rule(Medium.AIR, Interval.HOUR, "a21004").pairCode()).isEqualTo(QcCode.NO2_ABOVE_NOX);
    }

    @Test
    void overrideFileReplacesWholeRows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("qc.csv");
        Files.writeString(f, "# site-specific\n" + H
                + "air,a34004,hour,,,,6,,,,,,,stricter constant rule for this network\n"
                + "noise,LA,*,20,140,,,,,,,,,noise plausibility\n");
        QcRules r = QcRules.defaultsWithOverrides(f);
        ParamRule hour = r.rule(Medium.AIR, Interval.HOUR, "a34004");
        assertThat(hour.constantN()).isEqualTo(6);
        assertThat(hour.constantMin()).isNaN(); // whole row replaced, the default's 5 is gone
        assertThat(hour.max()).isEqualTo(3000); // the * row still applies
        assertThat(r.rule(Medium.NOISE, Interval.MINUTE, "LA").max()).isEqualTo(140);
        assertThat(QcRules.defaults().rule(Medium.AIR, Interval.HOUR, "a34004").constantN()).isEqualTo(12);
    }

    @Test
    void badFilesFailAtLoadWithLineNumbers() {
        assertThatThrownBy(() -> QcRules.parse(new StringReader(H + "air,a34004,*,0,x,,,,,,,,,r\n"), "f"))
                .hasMessageContaining("f:2").hasMessageContaining("max");
        assertThatThrownBy(() -> QcRules.parse(new StringReader(H + "air,a,*,,,,,,,,,,,r\nair,a,*,,,,,,,,,,,r\n"), "f"))
                .hasMessageContaining("duplicate");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        air,a34004,*,0,1,,,,,,,,,      | reason
        mars,a34004,*,0,1,,,,,,,,,r    | unknown medium
        air,a34004,week,0,1,,,,,,,,,r  | interval
        air,a34004,*,0,1               | columns
        air,a,*,,,,,,,,,1h,,r          | max_gap
        air,a,*,,,,2.5,,,,,,,r         | constant_n
        """)
    void badRowsFailAtLoad(String row, String message) {
        assertThatThrownBy(() -> QcRules.parse(new StringReader(H + row + "\n"), "f")).hasMessageContaining(message);
    }

    @Test
    void reasonMayContainCommas() {
        QcRules r = QcRules.parse(new StringReader(H + "air,a,*,0,1,,,,,,,,,one, two, three\n"), "f");
        assertThat(r.rows().get(0).reason()).isEqualTo("one, two, three");
    }
}
