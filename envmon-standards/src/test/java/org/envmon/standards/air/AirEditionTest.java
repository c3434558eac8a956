package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AirEditionTest {

    @Test
    void hourBelongsToTheEditionAtTheStartOfItsInterval() {
        // "2026-03-01 00:00" is the end label of 2026-02-28 23:00-24:00 (project decision; digest §0)
        assertThat(AirEdition.forHour(LocalDateTime.of(2026, 3, 1, 0, 0))).isEqualTo(AirEdition.E2012);
        assertThat(AirEdition.forHour(LocalDateTime.of(2026, 3, 1, 1, 0))).isEqualTo(AirEdition.E2026);
        assertThat(AirEdition.forHour(LocalDateTime.of(2019, 6, 1, 12, 0))).isEqualTo(AirEdition.E2012);
    }

    @Test
    void dayAndPeriod() {
        assertThat(AirEdition.forDay(LocalDate.of(2026, 2, 28))).isEqualTo(AirEdition.E2012);
        assertThat(AirEdition.forDay(LocalDate.of(2026, 3, 1))).isEqualTo(AirEdition.E2026);
        assertThat(AirEdition.forPeriodEnding(LocalDate.of(2026, 12, 31))).isEqualTo(AirEdition.E2026);
        assertThat(AirEdition.forPeriodEnding(LocalDate.of(2026, 2, 28))).isEqualTo(AirEdition.E2012);
        assertThat(AirEdition.parse("2012")).isEqualTo(AirEdition.E2012);
        assertThat(AirEdition.parse("2019")).isNull();
    }

    @Test
    void gb3095Stages() {
        assertThat(Gb3095Stage.forDay(LocalDate.of(2026, 2, 28))).isEqualTo(Gb3095Stage.GB3095_2012);
        assertThat(Gb3095Stage.forDay(LocalDate.of(2026, 3, 1))).isEqualTo(Gb3095Stage.GB3095_2026_TRANSITION);
        assertThat(Gb3095Stage.forDay(LocalDate.of(2030, 12, 31))).isEqualTo(Gb3095Stage.GB3095_2026_TRANSITION);
        assertThat(Gb3095Stage.forDay(LocalDate.of(2031, 1, 1))).isEqualTo(Gb3095Stage.GB3095_2026_FINAL);
        assertThat(Gb3095Stage.of(AirEdition.E2026, LocalDate.of(2019, 1, 1)))
                .isEqualTo(Gb3095Stage.GB3095_2026_TRANSITION);
        assertThat(Gb3095Stage.of(AirEdition.E2012, LocalDate.of(2032, 1, 1))).isEqualTo(Gb3095Stage.GB3095_2012);
    }
}
