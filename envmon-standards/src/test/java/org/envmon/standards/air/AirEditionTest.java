package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirEditionTest {

    @ParameterizedTest(name = "hour labelled {0} -> {1}")
    @CsvSource({
        // "2026-03-01 00:00" is the end label of 2026-02-28 23:00-24:00 (project decision; digest §0)
        "2026-03-01T00:00, E2012",
        "2026-03-01T01:00, E2026",
        "2019-06-01T12:00, E2012"})
    void hourBelongsToTheEditionAtTheStartOfItsInterval(LocalDateTime hourEndLabel, AirEdition expected) {
        assertThat(AirEdition.forHour(hourEndLabel)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: edition {1}, GB 3095 stage {2}")
    @CsvSource({
        "2026-02-28, E2012, GB3095_2012",
        "2026-03-01, E2026, GB3095_2026_TRANSITION",
        "2030-12-31, E2026, GB3095_2026_TRANSITION",
        "2031-01-01, E2026, GB3095_2026_FINAL"})
    void editionAndStageInForceOnADay(LocalDate day, AirEdition edition, Gb3095Stage stage) {
        assertThat(AirEdition.forDay(day)).isEqualTo(edition);
        assertThat(Gb3095Stage.forDay(day)).isEqualTo(stage);
        assertThat(stage.edition()).isEqualTo(edition);
    }

    @Test
    void periodAndParse() {
        assertThat(AirEdition.forPeriodEnding(LocalDate.of(2026, 12, 31))).isEqualTo(AirEdition.E2026);
        assertThat(AirEdition.forPeriodEnding(LocalDate.of(2026, 2, 28))).isEqualTo(AirEdition.E2012);
        assertThat(AirEdition.parse("2012")).isEqualTo(AirEdition.E2012);
        assertThat(AirEdition.parse("2019")).isNull();
    }

    @Test
    void gb3095StageOfANamedEdition() {
        assertThat(Gb3095Stage.of(AirEdition.E2026, LocalDate.of(2019, 1, 1)))
                .isEqualTo(Gb3095Stage.GB3095_2026_TRANSITION);
        assertThat(Gb3095Stage.of(AirEdition.E2012, LocalDate.of(2032, 1, 1))).isEqualTo(Gb3095Stage.GB3095_2012);
    }
}
