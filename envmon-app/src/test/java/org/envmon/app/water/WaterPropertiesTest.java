package org.envmon.app.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterRounding;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WaterPropertiesTest {

    private static WaterRounding bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("envmon.water", WaterProperties.class).toRounding();
    }

    @Test
    void reportedByDefaultNoneOnRequestAndDecimalsPerItem() {
        assertThat(bind(Map.of())).isEqualTo(WaterRounding.REPORTED);
        assertThat(bind(Map.of("envmon.water.rounding", "none"))).isEqualTo(WaterRounding.NONE);
        WaterRounding r = bind(Map.of("envmon.water.rounding", "reported", "envmon.water.decimals.ph", "2",
                "envmon.water.decimals.codmn", "none", "envmon.water.decimals.cod", "0"));
        assertThat(r.decimals(WaterParameter.PH)).hasValue(2);
        assertThat(r.decimals(WaterParameter.CODMN)).isEmpty();
        assertThat(r.decimals(WaterParameter.COD)).hasValue(0);
        assertThat(r.decimals(WaterParameter.TP)).hasValue(3);
        assertThat(bind(Map.of("envmon.water.rounding", "NONE", "envmon.water.decimals.tp", "3")).decimals())
                .containsOnlyKeys(WaterParameter.TP);
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> bind(Map.of("envmon.water.rounding", "half-up")))
                .hasMessageContaining("reported or none");
        assertThatThrownBy(() -> bind(Map.of("envmon.water.decimals.cadmium", "3")))
                .hasMessageContaining("envmon.water.decimals.cadmium: not a GB 3838 item");
        assertThatThrownBy(() -> bind(Map.of("envmon.water.decimals.tp", "12")))
                .hasMessageContaining("envmon.water.decimals.tp: expected 0 to 9 or none");
    }
}
