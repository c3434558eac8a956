package org.envmon.alerts;

import java.util.Locale;
import org.envmon.alerts.repository.AlertRepository;
import org.envmon.model.alert.Alert;

/**
 * A lifecycle change published to subscribers (SSE, webhooks).
 *
 * @param sequence increasing, starting at 1; continued across restarts when the repository survives them
 *                 ({@link AlertRepository#lastEventSequence}); usable as an SSE id and a delivery id
 * @param alert    the alert after the change
 */
public record AlertEvent(long sequence, Type type, Alert alert) {

    public enum Type {
        OPENED, ACKNOWLEDGED, CLOSED;

        /** Lower-case wire form ("opened"): the SSE event name and the webhook's X-EnvMon-Event header. */
        public String code() {
            return org.envmon.model.Codes.of(this);
        }
    }
}
