package org.envmon.app.sources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.envmon.app.air.AirViews;
import org.envmon.app.api.ApiTime;
import org.envmon.evaluation.sources.OutletHours;
import org.envmon.model.Site;
import org.envmon.sources.fluegas.ReferenceOxygen;

/** JSON shapes of the pollution-source API. Times in Beijing time (+08:00); figures to four decimals. */
public final class SourceViews {

    private SourceViews() {
    }

    /** The outlet as published (no MN, no credentials). */
    public record OutletView(String code, String name, String province, String city) {
        static OutletView of(Site s) {
            return new OutletView(s.code(), s.name(), s.province(), s.city());
        }
    }

    /** The reference O2 used: the facility kind, its value and clause, and whether given or implied by the device. */
    public record ReferenceView(String facility, String facilityZh, BigDecimal percent, String standard, String clause,
                                String source) {
        static ReferenceView of(ReferenceOxygen r, OutletHours.ReferenceSource source) {
            ReferenceOxygen.Basis b = r.basis();
            return new ReferenceView(r.kind(), b.chineseName(), number(b.percent()),
                    b.standard(), b.clause(), source.name().toLowerCase());
        }
    }

    public record AgreementView(int compared, int agreeing) {
        static AgreementView of(OutletHours.Agreement a) {
            return new AgreementView(a.compared(), a.agreeing());
        }
    }

    public record PollutantView(String code, BigDecimal measured, BigDecimal converted, String notConverted,
                                BigDecimal deviceConverted, Boolean convertedAgrees, BigDecimal amountKg,
                                BigDecimal deviceAmountKg, Boolean amountAgrees) {
        static PollutantView of(OutletHours.PollutantHour p) {
            return new PollutantView(p.code(), number(p.measured()), number(p.converted()), p.notConverted(),
                    number(p.deviceConverted()), p.convertedAgrees(), number(p.amountKg()), number(p.deviceAmountKg()),
                    p.amountAgrees());
        }
    }

    /**
     * One hour: its start, O2 (%, flue gas), the hour's volume (m³), the pollutants and the screening signals
     * ({@code o2_near_ambient}, {@code o2_implausibly_low}).
     */
    public record HourView(OffsetDateTime time, BigDecimal o2, BigDecimal volumeM3, List<PollutantView> pollutants,
                           List<String> signals) {
        static HourView of(OutletHours.Hour h) {
            return new HourView(ApiTime.out(h.time()), number(h.oxygen()), number(h.volume()),
                    h.pollutants().stream().map(PollutantView::of).toList(),
                    h.signals().stream().map(x -> x.name().toLowerCase()).toList());
        }
    }

    /**
     * A flue-gas outlet's hours: what the device sent and what the platform recomputes (converted concentrations at
     * the reference O2, emission amounts), and how many of the device's own figures agree.
     */
    public record OutletHoursView(OutletView outlet, OffsetDateTime from, OffsetDateTime to, ReferenceView reference,
                                   AgreementView convertedAgreement, AgreementView amountAgreement,
                                   List<HourView> hours) {
        static OutletHoursView of(OutletHours h, Instant from, Instant to) {
            return new OutletHoursView(OutletView.of(h.outlet()), ApiTime.out(from), ApiTime.out(to),
                    h.reference().map(r -> ReferenceView.of(r, h.referenceSource())).orElse(null),
                    AgreementView.of(h.converted()), AgreementView.of(h.amounts()),
                    h.hours().stream().map(HourView::of).toList());
        }
    }

    private static BigDecimal number(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null
                : AirViews.plain(BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN));
    }
}
