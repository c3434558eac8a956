package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.DemoCommandAccess;
import org.envmon.model.Checkpoint;
import org.envmon.model.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two public helpers of the detail pages over HTTP: the latest sealed checkpoint and where the data ends. */
class PublicDetailApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void latestCheckpointIsPublicAndShowsOnlyItsPeriodRangeAndRoot(@TempDir Path dir) throws Exception {
        try (RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            HttpResponse<String> none = platform.get("/api/v1/chain/checkpoints/latest");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .contains("application/problem+json"));

            DemoCommandAccess.load(platform.ctx);
            Checkpoint sealed = platform.bean(Store.class).chain().sealCheckpoint().orElseThrow();
            HttpResponse<String> r = platform.get("/api/v1/chain/checkpoints/latest");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode cp = JSON.readTree(r.body());
            List<String> fields = new ArrayList<>();
            cp.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("periodStart", "periodEnd", "firstSeq", "lastSeq",
                    "merkleRoot", "sealedAt");
            assertThat(cp.get("merkleRoot").asText()).isEqualTo(sealed.merkleRoot());
            assertThat(cp.get("lastSeq").asLong()).isEqualTo(sealed.lastSeq());
            // the full list stays for accounts
            assertThat(platform.get("/api/v1/chain/checkpoints").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void periodsSayWhereTheDataEnds(@TempDir Path dir) throws Exception {
        try (RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            DemoCommandAccess.load(platform.ctx);
            JsonNode site = JSON.readTree(platform.get("/api/v1/portal/periods?site=1001A").body());
            assertThat(site.get("day").asText()).isEqualTo("2019-01-31");
            assertThat(site.get("hour").asText()).startsWith("2019-01-31T2");
            JsonNode city = JSON.readTree(platform.get("/api/v1/portal/periods?city=%E5%8C%97%E4%BA%AC").body());
            assertThat(city.get("day").asText()).isEqualTo("2019-01-31");
            JsonNode all = JSON.readTree(platform.get("/api/v1/portal/periods").body());
            assertThat(all.get("day").asText()).isEqualTo("2019-01-31");
            assertThat(platform.get("/api/v1/portal/periods?site=NOPE9").statusCode()).isEqualTo(404);
            assertThat(platform.get("/api/v1/portal/periods?city=Atlantis").statusCode()).isEqualTo(404);
            assertThat(platform.get("/api/v1/portal/periods?site=1001A&city=x").statusCode()).isEqualTo(400);
        }
    }
}
