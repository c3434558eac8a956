package org.envmon.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.DemoSources;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's real pollution-source day sent through the HJ 212 gateway, then read back recomputed: the reference O2
 * each outlet's device applies, converted concentrations and emission amounts beside the device's own.
 */
class FlueGasHoursEndToEndTest {
    private static final String PERIOD = "from=2016-08-23T00:00%2B08:00&to=2016-08-25T00:00%2B08:00";

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> {
        platform = p;
        DemoSources.register(p.bean(SiteStore.class));
        assertThat(DemoSources.send("127.0.0.1", p.hj212Port)).isEqualTo(132);
    });

    private static JsonNode hours(String outlet, String extra) throws Exception {
        String path = "/api/v1/sources/outlets/" + outlet + "/flue-gas-hours?" + PERIOD + extra;
        JsonNode body = platform.okJson(path);
        long deadline = System.nanoTime() + 30_000_000_000L;
        // the frames are stored shortly after they are sent (no answer to wait for: Flag=4)
        while (body.get("hours").size() < 22 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            body = platform.okJson(path);
        }
        return body;
    }

    @Test
    void aCoalFiredBoilersDayIsRecomputedAndAgreesWithItsDevice() throws Exception {
        JsonNode h = hours("LD130121000134", "");
        assertThat(h.get("hours")).hasSize(22);
        assertThat(h.get("outlet").get("name").asText()).isEqualTo("实测烟气排口 1");
        assertThat(h.get("outlet").has("mn")).isFalse();
        assertThat(h.get("reference").get("facility").asText()).isEqualTo("coal-fired-power-boiler");
        assertThat(h.get("reference").get("percent").asInt()).isEqualTo(6);
        assertThat(h.get("reference").get("source").asText()).isEqualTo("implied_by_device");
        JsonNode converted = h.get("convertedAgreement");
        assertThat(converted.get("compared").asInt()).isGreaterThan(40);
        assertThat(converted.get("agreeing").asInt())
                .isGreaterThanOrEqualTo(converted.get("compared").asInt() * 9 / 10);
        JsonNode amounts = h.get("amountAgreement");
        assertThat(amounts.get("agreeing").asInt()).isEqualTo(amounts.get("compared").asInt());
        JsonNode first = h.get("hours").get(0);
        assertThat(first.get("time").asText()).startsWith("2016-08-23T21:00");
        assertThat(first.get("pollutants").get(0).has("converted")).isTrue();
        assertThat(h.toString()).doesNotContain("E+");
    }

    @Test
    void aDeviceThatAppliesNoStandardsReferenceIsShownAsSuch() throws Exception {
        JsonNode h = hours("LD130102000150", "");
        assertThat(h.get("reference").isNull()).isTrue();
        assertThat(h.get("convertedAgreement").get("compared").asInt()).isZero();
        assertThat(h.toString()).contains("no_reference_oxygen");
        // Naming the facility recomputes anyway, and the device's figures then disagree.
        JsonNode named = hours("LD130102000150", "&facility=coal-fired-power-boiler");
        assertThat(named.get("reference").get("source").asText()).isEqualTo("given");
        JsonNode c = named.get("convertedAgreement");
        assertThat(c.get("agreeing").asInt()).isLessThan(c.get("compared").asInt());
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        var unknownKind = platform.get("/api/v1/sources/outlets/LD130121000134/flue-gas-hours?" + PERIOD
                + "&facility=kiln");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/problem+json"));
        assertThat(platform.get("/api/v1/sources/outlets/LD130102000119/flue-gas-hours?" + PERIOD).statusCode())
                .isEqualTo(400); // the waste-water outlet
        assertThat(platform.get("/api/v1/sources/outlets/NOPE/flue-gas-hours?" + PERIOD).statusCode()).isEqualTo(404);
        assertThat(platform.get("/api/v1/sources/outlets/LD130121000134/flue-gas-hours?from=2016-08-01T00:00%2B08:00"
                + "&to=2016-09-05T00:00%2B08:00").statusCode()).isEqualTo(400);
    }
}
