package org.envmon.standards.water;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Test input: a section's values from alternating parameters and decimal strings. */
final class WaterValues {
    private WaterValues() {
    }

    static Map<WaterParameter, BigDecimal> values(Object... parameterThenValue) {
        Map<WaterParameter, BigDecimal> m = new EnumMap<>(WaterParameter.class);
        for (int i = 0; i < parameterThenValue.length; i += 2) {
            m.put((WaterParameter) parameterThenValue[i], new BigDecimal((String) parameterThenValue[i + 1]));
        }
        return m;
    }
}
