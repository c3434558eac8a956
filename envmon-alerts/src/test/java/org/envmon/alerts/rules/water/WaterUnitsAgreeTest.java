package org.envmon.alerts.rules.water;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.evaluation.WaterEvaluator;
import org.junit.jupiter.api.Test;

/**
 * The evaluation module converts the Table 1 items the catalogue gives in µg/L by a fixed list (it does not read the
 * HJ 212 catalogue); the rules convert by the catalogue's unit. Both must agree for every Table 1 code.
 */
class WaterUnitsAgreeTest {

    @Test
    void theEvaluationsUnitListMatchesTheParameterCatalogue() {
        for (String code : WaterEvaluator.CODES.keySet()) {
            WaterItems.Item item = WaterItems.item(code);
            assertThat(WaterEvaluator.toStandardUnit(code, 12.5)).as(code)
                    .isEqualByComparingTo(item.convert(12.5));
        }
    }
}
