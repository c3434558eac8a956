package org.envmon.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.junit.jupiter.api.Test;

class SiteCsvReaderTest {
    private static final String HEADER = "code,name,medium,mn,password,province,city,latitude,longitude,basin,"
            + "waterbody,target_class,drinking_water_source\n";

    private final ImportReport report = new ImportReport();

    /** Reads a sites.csv of the header and these rows (each ended by a newline) into {@link #report}. */
    private List<Site> read(String... rows) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return new SiteCsvReader().read(new StringReader(csv.toString()), "sites.csv", report);
    }

    @Test
    void readsWaterSectionAttributes() throws Exception {
        List<Site> sites = read(
                "W1,东湖,surface_water,MNW1,pw,湖北省,武汉市,30.5,114.3,长江,lake,II,Y",
                "W2,汉江口,surface_water,MNW2,pw,湖北省,武汉市,30.5,114.3,长江,River,3,N",
                "A1,监测站,air,MNA1,pw,湖北省,武汉市,30.5,114.3,,,,");
        assertThat(report.problems()).isEmpty();
        assertThat(sites).hasSize(3);
        assertThat(sites.get(0).waterbody()).isEqualTo("lake");
        assertThat(sites.get(0).targetClass()).isEqualTo(2);
        assertThat(sites.get(0).drinkingWaterSource()).isTrue();
        assertThat(sites.get(1).waterbody()).isEqualTo("river");
        assertThat(sites.get(1).targetClass()).isEqualTo(3);
        assertThat(sites.get(1).drinkingWaterSource()).isFalse();
        assertThat(sites.get(2).medium()).isEqualTo(Medium.AIR);
        assertThat(sites.get(2).waterbody()).isNull();
        assertThat(sites.get(2).targetClass()).isNull();
    }

    @Test
    void badAttributesAreReportedWithLineAndColumn() throws Exception {
        assertThat(read("W1,东湖,surface_water,MNW1,pw,湖北省,武汉市,30.5,114.3,长江,sea,II,Y",
                "W2,汉江,surface_water,MNW2,pw,湖北省,武汉市,30.5,114.3,长江,river,VI,N",
                "W3,汉江,surface_water,MNW3,pw,湖北省,武汉市,30.5,114.3,长江,river,I,maybe")).isEmpty();
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "waterbody"),
                org.assertj.core.groups.Tuple.tuple(3L, "target_class"),
                org.assertj.core.groups.Tuple.tuple(4L, "drinking_water_source"));
    }
}
