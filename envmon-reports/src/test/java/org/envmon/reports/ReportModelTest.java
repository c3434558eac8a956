package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportModelTest {

    @Test
    void decimalsArePaddedNeverRounded() {
        assertThat(Cell.decimal(new BigDecimal("1E+2"), 0).display()).isEqualTo("100");
        assertThat(Cell.decimal(new BigDecimal("1.2"), 1).display()).isEqualTo("1.2");
        assertThat(Cell.decimal(new BigDecimal("0.8"), 2).display()).isEqualTo("0.80");
        assertThat(Cell.percent(new BigDecimal("83.5"), 1).display()).isEqualTo("83.5%");
        assertThat(Cell.decimal((BigDecimal) null, 1)).isInstanceOf(Cell.Missing.class);
        assertThat(Cell.text("")).isInstanceOf(Cell.Missing.class);
        assertThatThrownBy(() -> Cell.decimal(new BigDecimal("35.5"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not round");
    }

    @Test
    void headersCarryUnits() {
        assertThat(Column.of("pm25", "PM2.5", "µg/m³").header()).isEqualTo("PM2.5（µg/m³）");
        assertThat(Column.of("rank", "排名").header()).isEqualTo("排名");
    }

    @Test
    void tablesAreRectangularAndSelectable() {
        assertThatThrownBy(() -> Table.builder("t", "T").column("a", "A").row(Cell.integer(1), Cell.integer(2))
                .build()).isInstanceOf(IllegalArgumentException.class);
        Table a = Table.builder("a", "A").column("x", "X").row(Cell.integer(1)).build();
        Table b = Table.builder("b", "B").column("x", "X").build();
        Report r = new Report("R", "S", Fixtures.GENERATED, List.of(a, b), List.of());
        assertThat(r.select("b", "a").tableIds()).containsExactly("b", "a");
        assertThatThrownBy(() -> r.select("c")).hasMessageContaining("no table 'c'").hasMessageContaining("a, b");
    }

    @Test
    void periodLabels() {
        assertThat(ReportPeriod.ofYear(2025).label()).isEqualTo("2025年");
        assertThat(ReportPeriod.of(YearMonth.of(2025, 3)).label()).isEqualTo("2025年3月");
        assertThat(new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15)).label())
                .isEqualTo("2025-03-01至2025-03-15");
        assertThat(ReportPeriod.of(YearMonth.of(2024, 2)).days()).isEqualTo(29);
        assertThat(ReportFormat.parse("XLSX")).isEqualTo(ReportFormat.XLSX);
        assertThatThrownBy(() -> ReportFormat.parse("doc")).hasMessageContaining("xlsx, csv, pdf");
    }
}
