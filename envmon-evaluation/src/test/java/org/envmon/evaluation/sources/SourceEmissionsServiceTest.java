package org.envmon.evaluation.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envmon.model.InvalidRequest;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.NotFound;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.sources.fluegas.ReferenceOxygen;
import org.envmon.sources.screening.FlueGasHourSignal;
import org.envmon.store.DuckDbStorePerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flue-gas outlet's stored hours recomputed, on a real store. */
class SourceEmissionsServiceTest extends DuckDbStorePerTest {

    private static final Instant H0 = Instant.parse("2016-08-23T16:00:00Z"); // 2016-08-24 00:00 Beijing time
    private SourceEmissionsService service;

    @BeforeEach
    void setUp() {
        store.sites().upsert(List.of(
                new Site("OUT1", "1号锅炉排口", Medium.SOURCE_GAS, "LD130132000457", null, "河北省", "石家庄市", null, null,
                        38.0, 114.5, false),
                new Site("WW1", "废水总排口", Medium.SOURCE_WATER, "LD130102000119", null, "河北省", "石家庄市", null, null,
                        38.0, 114.5, false),
                new Site("AIR1", "空气站", Medium.AIR, "AIRMN", null, "河北省", "石家庄市", null, null, 38.0, 114.5, false)));
        List<PacketWrite> batch = new ArrayList<>();
        // Hour 0 as the real device sent it (LD130132000457, 2016-08-24 00:00): O2 8.93 %, 111,091.24 m³ of flue gas,
        // SO2 3.46 (converted 4.29, 0.38 kg), NOx 39.48 (converted 49.11, 4.386 kg).
        batch.add(packet(0, row(0, "a19001", Statistic.VALUE, 8.93), row(0, "a00000", Statistic.COU, 111_091.24),
                row(0, "a21026", Statistic.VALUE, 3.46), row(0, "a21026", Statistic.CONVERTED, 4.29),
                row(0, "a21026", Statistic.COU, 0.38), row(0, "a21002", Statistic.VALUE, 39.48),
                row(0, "a21002", Statistic.CONVERTED, 49.11), row(0, "a21002", Statistic.COU, 4.386)));
        // Hour 1: O2 at ambient while flue gas is discharged (air, not flue gas): nothing to convert, and a signal.
        batch.add(packet(1, row(1, "a19001", Statistic.VALUE, 21.0), row(1, "a00000", Statistic.COU, 50_000),
                row(1, "a21026", Statistic.VALUE, 5.0), row(1, "a21026", Statistic.CONVERTED, 5.0)));
        // Hour 2: no flow, so no amount; the device converted at 6 % as well (10 × 15 / 12 = 12.5).
        batch.add(packet(2, row(2, "a19001", Statistic.VALUE, 9.0), row(2, "a21026", Statistic.VALUE, 10.0),
                row(2, "a21026", Statistic.CONVERTED, 12.5)));
        // Waste water, as LD130102000119 sent it at 2016-08-24 00:00: 22.65 m³, COD 123.17 mg/L (2.8 kg), NH3-N 2.92
        // (0.066 kg).
        batch.add(new PacketWrite(new RawPacket("WW1-0".getBytes(StandardCharsets.US_ASCII), "test", Instant.now(),
                "test", "LD130102000119", "2061", "w0", "WW1-0", true), List.of(
                waterRow("w00000", Statistic.COU, 22.65), waterRow("w01018", Statistic.VALUE, 123.17),
                waterRow("w01018", Statistic.COU, 2.8), waterRow("w21003", Statistic.VALUE, 2.92),
                waterRow("w21003", Statistic.COU, 0.066))));
        store.observations().write(batch);
        service = new SourceEmissionsService(store.sites(), store.observations());
    }

    private static ObservationRow row(int hour, String code, Statistic s, double v) {
        return new ObservationRow("OUT1", code, Interval.HOUR, s, H0.plusSeconds(3600L * hour), v, "N", true, null);
    }

    private static ObservationRow waterRow(String code, Statistic s, double v) {
        return new ObservationRow("WW1", code, Interval.HOUR, s, H0, v, "N", true, null);
    }

    private static PacketWrite packet(int hour, ObservationRow... rows) {
        byte[] raw = ("OUT1-" + hour).getBytes(StandardCharsets.US_ASCII);
        return new PacketWrite(new RawPacket(raw, "test", Instant.now(), "test", "LD130132000457", "2061",
                "q" + hour, "OUT1-" + hour, true), List.of(rows));
    }

    @Test
    void theReferenceIsImpliedByTheDeviceAndTheHoursRecomputed() {
        OutletHours h = service.flueGasHours("OUT1", H0, H0.plus(Duration.ofDays(1)), Optional.empty());
        assertThat(h.reference()).contains(ReferenceOxygen.COAL_FIRED_POWER_BOILER);
        assertThat(h.referenceSource()).isEqualTo(OutletHours.ReferenceSource.IMPLIED_BY_DEVICE);
        assertThat(h.hours()).extracting(OutletHours.Hour::time)
                .containsExactly(H0, H0.plusSeconds(3600), H0.plusSeconds(7200));

        OutletHours.PollutantHour so2 = h.hours().get(0).pollutants().stream()
                .filter(p -> p.code().equals("a21026")).findFirst().orElseThrow();
        assertThat(so2.converted()).isCloseTo(4.2999, within(1e-4));
        assertThat(so2.convertedAgrees()).isTrue();
        assertThat(so2.amountKg()).isCloseTo(0.384_376, within(1e-6));
        assertThat(so2.amountAgrees()).isTrue();

        OutletHours.PollutantHour ambient = h.hours().get(1).pollutants().get(0);
        assertThat(ambient.converted()).isNull();
        assertThat(ambient.notConverted()).isEqualTo("oxygen_at_or_above_ambient");
        assertThat(ambient.convertedAgrees()).isNull();
        assertThat(h.hours().get(1).signals()).containsExactly(FlueGasHourSignal.O2_NEAR_AMBIENT);
        assertThat(h.hours().get(0).signals()).isEmpty();

        OutletHours.PollutantHour noFlow = h.hours().get(2).pollutants().get(0);
        assertThat(noFlow.converted()).isCloseTo(12.5, within(1e-9));
        assertThat(noFlow.amountKg()).isNull();

        assertThat(h.converted()).isEqualTo(new OutletHours.Agreement(3, 3)); // SO2 twice, NOx once
        assertThat(h.amounts()).isEqualTo(new OutletHours.Agreement(2, 2));
    }

    @Test
    void aGivenFacilityIsUsedAndTheDevicesFiguresThenDisagree() {
        OutletHours h = service.flueGasHours("OUT1", H0, H0.plus(Duration.ofDays(1)),
                Optional.of(ReferenceOxygen.GAS_TURBINE));
        assertThat(h.referenceSource()).isEqualTo(OutletHours.ReferenceSource.GIVEN);
        assertThat(h.converted()).isEqualTo(new OutletHours.Agreement(3, 0));
    }

    @Test
    void aWasteWaterOutletsLoadsAreRecomputedWithoutConversion() {
        OutletHours h = service.wasteWaterHours("WW1", H0, H0.plus(Duration.ofDays(1)));
        assertThat(h.reference()).isEmpty();
        assertThat(h.hours()).hasSize(1);
        assertThat(h.hours().get(0).volume()).isEqualTo(22.65);
        assertThat(h.hours().get(0).signals()).isEmpty();
        OutletHours.PollutantHour cod = h.hours().get(0).pollutants().get(0);
        assertThat(cod.code()).isEqualTo("w01018");
        assertThat(cod.amountKg()).isCloseTo(2.789_800_5, within(1e-6)); // 123.17 × 22.65 / 1000
        assertThat(cod.amountAgrees()).isTrue();
        assertThat(cod.converted()).isNull();
        assertThat(cod.notConverted()).isNull();
        assertThat(h.amounts()).isEqualTo(new OutletHours.Agreement(2, 2));
        assertThat(h.converted()).isEqualTo(new OutletHours.Agreement(0, 0));
        assertThatThrownBy(() -> service.wasteWaterHours("OUT1", H0, H0.plusSeconds(3600)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not a waste-water outlet");
        // by the outlet's kind: the same hours, and no facility kind for waste water
        assertThat(service.hours("WW1", H0, H0.plus(Duration.ofDays(1)), Optional.empty())).isEqualTo(h);
        assertThatThrownBy(() -> service.hours("WW1", H0, H0.plusSeconds(3600),
                Optional.of(ReferenceOxygen.GAS_TURBINE))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> service.hours("AIR1", H0, H0.plusSeconds(3600), Optional.empty()))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void onlyFlueGasOutletsAndBoundedPeriods() {
        assertThatThrownBy(() -> service.flueGasHours("AIR1", H0, H0.plusSeconds(3600), Optional.empty()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not a flue-gas outlet");
        assertThatThrownBy(() -> service.flueGasHours("OUT1", H0, H0.plus(Duration.ofDays(32)), Optional.empty()))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> service.flueGasHours("OUT1", H0, H0, Optional.empty()))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> service.flueGasHours("NOPE", H0, H0.plusSeconds(3600), Optional.empty()))
                .isInstanceOf(NotFound.class);
    }
}
