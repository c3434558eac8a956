package org.envmon.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.alerts.Fixtures;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    @Test
    void writesTheAlertInBeijingTimeWithEscapes() {
        Condition c = new Condition(new AlertKey("off", "A01", null), SubjectType.SITE, Severity.WARNING,
                Fixtures.T0, 30, null, true, "line1\nsaid \"x\" \\ \u0001");
        Alert a = Alert.open(7, c, Fixtures.T0).acknowledge("li", "看过了", Fixtures.T0);
        String json = AlertJson.alert(a);
        assertThat(json).startsWith("{\"id\":7,\"ruleId\":\"off\",\"subjectType\":\"site\",\"subject\":\"A01\","
                + "\"parameter\":null,\"severity\":\"warning\",\"state\":\"acknowledged\","
                + "\"openedAt\":\"2026-07-01T08:00:00+08:00\"");
        assertThat(json).contains("\"closedAt\":null").contains("\"threshold\":null").contains("\"value\":30.0")
                .contains("\"message\":\"line1\\nsaid \\\"x\\\" \\\\ \\u0001\"").contains("\"ackNote\":\"看过了\"")
                .contains("\"history\":[{\"from\":null,\"to\":\"open\",").contains("{\"from\":\"open\",\"to\":"
                        + "\"acknowledged\",\"at\":\"2026-07-01T08:00:00+08:00\",\"operator\":\"li\",\"note\":\"看过了\"}]}");
    }
}
