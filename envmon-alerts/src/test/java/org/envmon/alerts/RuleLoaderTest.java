package org.envmon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.envmon.store.Interval;
import org.envmon.store.Medium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {

    private static Properties props(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    private static ThresholdRule.Spec threshold(List<AlertRule> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).map(r -> ((ThresholdRule) r).spec()).findFirst()
                .orElseThrow();
    }

    @Test
    void shipsGb3838ClassIiiAndGb3095Class2DefaultsAnAqiRuleAndOffline() {
        List<AlertRule> rules = RuleLoader.defaults();
        assertThat(rules).extracting(AlertRule::id).contains("nh3n-iii", "tp-iii", "codmn-iii", "cod-iii", "do-iii",
                "so2-1h", "no2-1h", "o3-1h", "co-1h", "pm25-24h", "pm10-24h", "city-aqi-4", "offline");
        ThresholdRule.Spec nh3n = threshold(rules, "nh3n-iii");
        assertThat(nh3n.parameter()).isEqualTo("w21003");
        assertThat(nh3n.threshold()).isEqualTo(1.0);
        assertThat(nh3n.medium()).isEqualTo(Medium.SURFACE_WATER);
        assertThat(nh3n.interval()).isEqualTo(Interval.HOUR);
        assertThat(nh3n.minCount()).isEqualTo(2);
        assertThat(nh3n.clearCount()).isEqualTo(2);
        assertThat(threshold(rules, "tp-iii").threshold()).isEqualTo(0.2);
        assertThat(threshold(rules, "do-iii").direction()).isEqualTo(ThresholdRule.Direction.BELOW);
        assertThat(threshold(rules, "pm25-24h").interval()).isEqualTo(Interval.DAY);
        assertThat(threshold(rules, "so2-1h").threshold()).isEqualTo(500);
        CityAqiRule.Spec aqi = ((CityAqiRule) rules.stream().filter(r -> r.id().equals("city-aqi-4")).findFirst()
                .orElseThrow()).spec();
        assertThat(aqi.minLevel()).isEqualTo(4);
        assertThat(aqi.clearLevel()).isEqualTo(3);
        OfflineRule.Spec off = ((OfflineRule) rules.stream().filter(r -> r.id().equals("offline")).findFirst()
                .orElseThrow()).spec();
        assertThat(off.after()).isEqualTo(Duration.ofMinutes(90));
        assertThat(off.sources()).containsExactly("hj212");
    }

    @Test
    void aDeploymentFileIsLaidOverTheDefaultsKeyByKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.properties");
        Files.writeString(file, """
                rule.nh3n-iii.threshold=1.5
                rule.nh3n-iii.sites=W01, W02
                rule.offline.enabled=false
                rule.pm-low.type=threshold
                rule.pm-low.parameter=a34004
                rule.pm-low.threshold=50
                rule.pm-low.label=细颗粒物偏高
                """);
        List<AlertRule> rules = RuleLoader.defaultsWith(file);
        assertThat(rules).extracting(AlertRule::id).doesNotContain("offline").contains("pm-low", "tp-iii");
        assertThat(threshold(rules, "nh3n-iii").threshold()).isEqualTo(1.5);
        assertThat(threshold(rules, "nh3n-iii").sites()).containsExactlyInAnyOrder("W01", "W02");
        assertThat(threshold(rules, "nh3n-iii").medium()).isEqualTo(Medium.SURFACE_WATER);
        assertThat(threshold(rules, "pm-low").label()).isEqualTo("细颗粒物偏高");

        Files.writeString(file, "defaults=false\nrule.x.type=offline\nrule.x.after=PT5M\n");
        assertThat(RuleLoader.defaultsWith(file)).extracting(AlertRule::id).containsExactly("x");
    }

    @Test
    void namesTheRuleAndSettingOfABadFile() {
        assertThatThrownBy(() -> RuleLoader.load(props("rule.a.type=threshold\nrule.a.parameter=w21003\n"
                + "rule.a.threshhold=1\n"))).hasMessageContaining("rule a: unknown setting 'threshhold'");
        assertThatThrownBy(() -> RuleLoader.load(props("rule.a.type=threshold\nrule.a.parameter=w21003\n")))
                .hasMessageContaining("rule a: 'threshold' is required");
        assertThatThrownBy(() -> RuleLoader.load(props("rule.a.type=threshold\nrule.a.parameter=w21003\n"
                + "rule.a.threshold=one\n"))).hasMessageContaining("rule a: bad threshold 'one'");
        assertThatThrownBy(() -> RuleLoader.load(props("rule.a.type=magic\n")))
                .hasMessageContaining("unknown type 'magic'");
        assertThatThrownBy(() -> RuleLoader.load(props("rules.a.type=offline\n")))
                .hasMessageContaining("not rule.<id>.<setting>");
        assertThatThrownBy(() -> RuleLoader.load(props("rule.a.type=city-aqi\nrule.a.min-level=4\n"
                + "rule.a.clear-level=4\n"))).hasMessageContaining("clear-level < min-level");
        assertThatThrownBy(() -> RuleLoader.load(props("rule.a.type=offline\nrule.a.after=soon\n")))
                .hasMessageContaining("rule a: bad after 'soon'");
    }

    @Test
    void readsDurations() {
        assertThat(RuleLoader.parseDuration("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(RuleLoader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RuleLoader.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(RuleLoader.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
    }
}
