package org.envmon.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.envmon.alerts.rules.air.CityAqiRule;
import org.envmon.alerts.rules.air.HeavyPollutionRule;
import org.envmon.alerts.rules.data.CaptureRule;
import org.envmon.alerts.rules.data.OfflineRule;
import org.envmon.alerts.rules.data.QcSuspectRule;
import org.envmon.alerts.rules.data.ThresholdRule;
import org.envmon.alerts.rules.water.AlgalBloomRule;
import org.envmon.alerts.rules.water.DrinkingSourceRule;
import org.envmon.alerts.rules.water.HeavyMetalRule;
import org.envmon.alerts.rules.water.TargetClassRule;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.alert.Severity;
import org.envmon.quality.qc.QcCode;
import org.envmon.standards.water.TrophicState;
import org.envmon.standards.water.TrophicStateIndex;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.Waterbody;
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
    void shipsTheGb3095Class2ThresholdsAnAqiRuleOfflineAndTheWaterAndEpisodeRules() {
        List<AlertRule> rules = RuleLoader.defaults();
        assertThat(rules).extracting(AlertRule::id).containsExactlyInAnyOrder("water-target", "drinking-source",
                "heavy-metal", "algal-bloom", "so2-1h", "no2-1h", "o3-1h", "co-1h", "pm25-24h", "pm10-24h",
                "city-aqi-4", "heavy-pollution", "capture-air", "qc-suspect", "offline");
        assertThat(threshold(rules, "pm25-24h").interval()).isEqualTo(Interval.DAY);
        assertThat(threshold(rules, "so2-1h").threshold()).isEqualTo(500);
        assertThat(threshold(rules, "so2-1h").medium()).isEqualTo(Medium.AIR);
        CityAqiRule.Spec aqi = rule(rules, "city-aqi-4", CityAqiRule.class).spec();
        assertThat(aqi.minLevel()).isEqualTo(4);
        assertThat(aqi.clearLevel()).isEqualTo(3);
        OfflineRule.Spec off = rule(rules, "offline", OfflineRule.class).spec();
        assertThat(off.after()).isEqualTo(Duration.ofMinutes(90));
        assertThat(off.sources()).containsExactly("hj212");
        // one target-class rule instead of the five class-III thresholds
        TargetClassRule.Spec target = rule(rules, "water-target", TargetClassRule.class).spec();
        assertThat(target.defaultTarget()).isEqualTo(WaterClass.III);
        assertThat(target.defaultWaterbody()).isEqualTo(Waterbody.RIVER);
        assertThat(target.parameters()).hasSize(21).contains("w21003", "w21011", "w01019", "w01018", "w01009",
                "w01001", "w20111").doesNotContain("w21001", "w02003");
        assertThat(target.minCount()).isEqualTo(2);
        assertThat(target.clearCount()).isEqualTo(2);
        assertThat(target.interval()).isEqualTo(Interval.HOUR);
        assertThat(target.severity()).isEqualTo(Severity.MAJOR);
        DrinkingSourceRule.Spec drinking = rule(rules, "drinking-source", DrinkingSourceRule.class).spec();
        assertThat(drinking.limits()).containsOnlyKeys("w21038", "w21022", "w21007", "w20125", "w20124", "w20089",
                "w20004");
        assertThat(drinking.limits().get("w20089")).isEqualByComparingTo("0.0001");
        assertThat(drinking.limits().get("w21038")).isEqualByComparingTo("250");
        assertThat(drinking.maxClass()).isEqualTo(WaterClass.III);
        assertThat(drinking.table1()).hasSize(21);
        assertThat(drinking.severity()).isEqualTo(Severity.CRITICAL);
        HeavyMetalRule.Spec metals = rule(rules, "heavy-metal", HeavyMetalRule.class).spec();
        assertThat(metals.limits()).containsOnlyKeys("w20089", "w20004", "w20124");
        assertThat(metals.medium()).isEqualTo(Medium.SURFACE_WATER);
        AlgalBloomRule.Spec bloom = rule(rules, "algal-bloom", AlgalBloomRule.class).spec();
        assertThat(bloom.chlaThreshold()).isEqualTo(25.0);
        assertThat(bloom.tliState()).isEqualTo(TrophicState.MODERATE_EUTROPHIC);
        assertThat(bloom.codes()).containsOnlyKeys(TrophicStateIndex.Parameter.CHLA, TrophicStateIndex.Parameter.TP,
                TrophicStateIndex.Parameter.TN, TrophicStateIndex.Parameter.CODMN);
        assertThat(bloom.tliMinParameters()).isEqualTo(3);
        HeavyPollutionRule.Spec episode = rule(rules, "heavy-pollution", HeavyPollutionRule.class).spec();
        assertThat(List.of(episode.threshold(), episode.severe(), episode.yellowDays(), episode.orangeDays(),
                episode.orangeSevereDays(), episode.redDays(), episode.redSevereDays(), episode.redAqi()))
                .containsExactly(200, 300, 2, 3, 1, 4, 2, 500);
        assertThat(episode.provisional()).isTrue();
        assertThat(episode.redSeverity()).isEqualTo(Severity.CRITICAL);
        CaptureRule.Spec capture = rule(rules, "capture-air", CaptureRule.class).spec();
        assertThat(capture.target()).isEqualTo(0.75);
        assertThat(capture.window()).isEqualTo(Duration.ofDays(1));
        assertThat(capture.expected()).isEqualTo(24);
        assertThat(capture.parameters()).containsExactlyInAnyOrder("a34004", "a34002", "a21026", "a21004", "a21005",
                "a05024");
        QcSuspectRule.Spec qc = rule(rules, "qc-suspect", QcSuspectRule.class).spec();
        assertThat(qc.codes()).isEmpty();
        assertThat(qc.ignoreCodes()).containsExactlyInAnyOrder(QcCode.BELOW_DETECTION_LIMIT, QcCode.OUT_OF_ORDER);
        assertThat(qc.minCount()).isEqualTo(3);
        assertThat(qc.parameters()).contains("a34004", "w21003", "w20089");
    }

    private static <T extends AlertRule> T rule(List<AlertRule> rules, String id, Class<T> type) {
        return rules.stream().filter(r -> r.id().equals(id)).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void aDeploymentFileIsLaidOverTheDefaultsKeyByKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.properties");
        Files.writeString(file, """
                rule.so2-1h.threshold=400
                rule.so2-1h.sites=A01, A02
                rule.water-target.default-target=II
                rule.offline.enabled=false
                rule.pm-low.type=threshold
                rule.pm-low.parameter=a34004
                rule.pm-low.threshold=50
                rule.pm-low.label=细颗粒物偏高
                """);
        List<AlertRule> rules = RuleLoader.defaultsWith(file);
        assertThat(rules).extracting(AlertRule::id).doesNotContain("offline").contains("pm-low", "no2-1h");
        assertThat(threshold(rules, "so2-1h").threshold()).isEqualTo(400);
        assertThat(threshold(rules, "so2-1h").sites()).containsExactlyInAnyOrder("A01", "A02");
        assertThat(threshold(rules, "so2-1h").medium()).isEqualTo(Medium.AIR);
        TargetClassRule.Spec target = rule(rules, "water-target", TargetClassRule.class).spec();
        assertThat(target.defaultTarget()).isEqualTo(WaterClass.II);
        assertThat(target.minCount()).isEqualTo(2);
        assertThat(threshold(rules, "pm-low").label()).isEqualTo("细颗粒物偏高");

        Files.writeString(file, "defaults=false\nrule.x.type=offline\nrule.x.after=PT5M\n");
        assertThat(RuleLoader.defaultsWith(file)).extracting(AlertRule::id).containsExactly("x");
    }

    @Test
    void namesTheRuleAndSettingOfABadFile() {
        String threshold = "rule.a.type=threshold\nrule.a.parameter=w21003\n";
        assertRejected(threshold + "rule.a.threshhold=1\n", "rule a: unknown setting 'threshhold'");
        assertRejected(threshold, "rule a: 'threshold' is required");
        assertRejected(threshold + "rule.a.threshold=one\n", "rule a: bad threshold 'one'");
        assertRejected("rule.a.type=magic\n", "unknown type 'magic'");
        assertRejected("rules.a.type=offline\n", "not rule.<id>.<setting>");
        assertRejected("rule.a.type=city-aqi\nrule.a.min-level=4\nrule.a.clear-level=4\n", "clear-level < min-level");
        assertRejected("rule.a.type=offline\nrule.a.after=soon\n", "rule a: bad after 'soon'");
    }

    private static void assertRejected(String settings, String message) {
        assertThatThrownBy(() -> RuleLoader.load(props(settings))).hasMessageContaining(message);
    }

    @Test
    void readsTheSettingsOfTheNewTypes() throws Exception {
        List<AlertRule> rules = RuleLoader.load(props("""
                defaults=false
                rule.t.type=target-class
                rule.t.default-target=2
                rule.t.waterbody=reservoir
                rule.t.parameters=w21003, w21001
                rule.t.interval=any
                rule.t.min-count=3
                rule.d.type=drinking-source
                rule.d.specific=w20089:0.0002
                rule.d.basic=
                rule.d.max-class=Ⅱ
                rule.m.type=heavy-metal
                rule.m.limits=w20089:0.0001, w20111:0.0001
                rule.a.type=algal-bloom
                rule.a.chla-threshold=none
                rule.a.tli-state=中度富营养
                rule.a.sd-parameter=w01024
                rule.a.tn-parameter=none
                rule.h.type=heavy-pollution
                rule.h.provisional=false
                rule.h.red-severity=major
                rule.c.type=capture
                rule.c.parameters=w21003
                rule.c.every=PT4H
                rule.c.target=0.9
                rule.q.type=qc-suspect
                rule.q.parameters=w21003
                rule.q.codes=spike, FLAG_MAINTENANCE
                """));
        TargetClassRule.Spec t = rule(rules, "t", TargetClassRule.class).spec();
        assertThat(t.defaultTarget()).isEqualTo(WaterClass.II);
        assertThat(t.defaultWaterbody()).isEqualTo(Waterbody.LAKE_RESERVOIR);
        assertThat(t.parameters()).containsExactlyInAnyOrder("w21003", "w21001");
        assertThat(t.interval()).isNull();
        assertThat(t.clearCount()).isEqualTo(3);
        DrinkingSourceRule.Spec d = rule(rules, "d", DrinkingSourceRule.class).spec();
        assertThat(d.limits()).containsOnlyKeys("w21038", "w21022", "w21007", "w20125", "w20124", "w20089");
        assertThat(d.limits().get("w20089")).isEqualByComparingTo("0.0002");
        assertThat(d.table1()).isEmpty();
        assertThat(d.maxClass()).isEqualTo(WaterClass.II);
        assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
        HeavyMetalRule m = rule(rules, "m", HeavyMetalRule.class);
        assertThat(m.parameters()).containsExactlyInAnyOrder("w20089", "w20111");
        // thresholds converted into the catalogue units: Tl in ng/L, Hg in µg/L
        assertThat(m.rules()).extracting(r -> r.spec().parameter(), r -> r.spec().threshold(), r -> r.spec().unit())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("w20089", 100.0, "ng/L"),
                        org.assertj.core.groups.Tuple.tuple("w20111", 0.1, "μg/L"));
        AlgalBloomRule.Spec a = rule(rules, "a", AlgalBloomRule.class).spec();
        assertThat(a.chlaThreshold()).isNull();
        assertThat(a.tliState()).isEqualTo(TrophicState.MODERATE_EUTROPHIC);
        assertThat(a.codes()).containsOnlyKeys(TrophicStateIndex.Parameter.CHLA, TrophicStateIndex.Parameter.TP,
                TrophicStateIndex.Parameter.SD, TrophicStateIndex.Parameter.CODMN);
        HeavyPollutionRule.Spec h = rule(rules, "h", HeavyPollutionRule.class).spec();
        assertThat(h.provisional()).isFalse();
        assertThat(h.redSeverity()).isEqualTo(Severity.MAJOR);
        assertThat(h.maxAge()).isEqualTo(Duration.ofDays(7));
        CaptureRule.Spec c = rule(rules, "c", CaptureRule.class).spec();
        assertThat(c.expected()).isEqualTo(6);
        assertThat(c.target()).isEqualTo(0.9);
        QcSuspectRule.Spec q = rule(rules, "q", QcSuspectRule.class).spec();
        assertThat(q.codes()).containsExactlyInAnyOrder(QcCode.SPIKE, QcCode.FLAG_MAINTENANCE);
        assertThat(q.clearCount()).isEqualTo(1);
    }

    @Test
    void namesTheRuleAndSettingOfABadValueOfTheNewTypes() {
        String[][] cases = {
            {"rule.t.type=target-class\nrule.t.default-target=VI", "rule t: bad default-target 'VI'"},
            {"rule.t.type=target-class\nrule.t.waterbody=sea", "rule t: bad waterbody 'sea'"},
            {"rule.t.type=target-class\nrule.t.parameters=a34004", "rule t: bad parameters 'a34004'"},
            {"rule.t.type=target-class\nrule.t.threshold=1", "rule t: unknown setting 'threshold'"},
            {"rule.t.type=target-class\nrule.t.min-count=0", "rule t: min-count and clear-count must be >= 1"},
            {"rule.t.type=target-class\nrule.t.rounding=half-up", "rule t: bad rounding 'half-up'"},
            {"rule.d.type=drinking-source\nrule.d.rounding=2", "rule d: bad rounding '2'"},
            {"rule.d.type=drinking-source\nrule.d.specific=w20089:abc", "rule d: bad specific 'w20089:abc'"},
            {"rule.d.type=drinking-source\nrule.d.specific=w99999:1", "rule d: bad specific 'w99999:1'"},
            {"rule.d.type=drinking-source\nrule.d.supplementary=w20124:0", "rule d: bad supplementary 'w20124:0'"},
            {"rule.d.type=drinking-source\nrule.d.specific=w20124:0.2", "w20124 is in both supplementary and specific"},
            {"rule.d.type=drinking-source\nrule.d.max-class=劣V", "rule d: bad max-class '劣V'"},
            {"rule.d.type=drinking-source\nrule.d.basic=w20089", "rule d: bad basic 'w20089'"},
            {"rule.m.type=heavy-metal\nrule.m.limits=w20089", "rule m: bad limits 'w20089'"},
            {"rule.m.type=heavy-metal\nrule.m.limits=w01001:1", "rule m: cannot convert"},
            {"rule.a.type=algal-bloom\nrule.a.tli-state=purple", "rule a: bad tli-state 'purple'"},
            {"rule.a.type=algal-bloom\nrule.a.chla-threshold=lots", "rule a: bad chla-threshold 'lots'"},
            {"rule.a.type=algal-bloom\nrule.a.chla-threshold=none\nrule.a.tli-state=none",
                "rule a: neither chla-threshold nor tli-state"},
            {"rule.a.type=algal-bloom\nrule.a.chla-parameter=none", "rule a: the chlorophyll-a parameter"},
            {"rule.a.type=algal-bloom\nrule.a.tli-min-parameters=6", "rule a: tli-min-parameters must be 1 to 5"},
            {"rule.h.type=heavy-pollution\nrule.h.severity=major", "rule h: type heavy-pollution takes"},
            {"rule.h.type=heavy-pollution\nrule.h.red-days=2", "rule h: need 1 <= yellow-days <= orange-days"},
            {"rule.h.type=heavy-pollution\nrule.h.yellow-severity=loud", "rule h: bad yellow-severity 'loud'"},
            {"rule.h.type=heavy-pollution\nrule.h.provisional=maybe", "rule h: bad provisional 'maybe'"},
            {"rule.c.type=capture", "rule c: 'parameters' is required"},
            {"rule.c.type=capture\nrule.c.parameters=a34004\nrule.c.target=1.5", "rule c: target must be"},
            {"rule.c.type=capture\nrule.c.parameters=a34004\nrule.c.window=PT90M", "rule c: every must be"},
            {"rule.c.type=capture\nrule.c.parameters=a34004\nrule.c.window=often", "rule c: bad window 'often'"},
            {"rule.q.type=qc-suspect\nrule.q.codes=FOO", "rule q: bad codes 'FOO'"},
            {"rule.q.type=qc-suspect\nrule.q.ignore-codes=BAR", "rule q: bad ignore-codes 'BAR'"},
            {"rule.q.type=qc-suspect\nrule.q.interval=weekly", "rule q: bad interval 'weekly'"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> RuleLoader.load(props(c[0] + "\n")))
                    .as(c[0]).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1]);
        }
    }

    @Test
    void readsDurations() {
        assertThat(RuleLoader.parseDuration("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(RuleLoader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RuleLoader.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(RuleLoader.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
    }
}
