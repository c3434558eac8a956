package org.envmon.app.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code envmon.alerts.*}.
 *
 * @param enabled         the rule engine, its API and delivery (default true)
 * @param rulesFile       a rules file laid over the shipped defaults (see {@code org.envmon.alerts.rules.RuleLoader})
 * @param queueCapacity   committed batches / derived updates waiting for evaluation before new ones are dropped
 * @param tick            how often time-based rules (offline) are evaluated
 * @param repository      where alerts are kept: {@code store} (default; the store's {@code alerts} table, so alerts
 *                        survive a restart) or {@code memory} (lost on restart)
 * @param closedRetention closed alerts kept in memory (only with {@code repository=memory}; the store keeps all)
 * @param sseKeepAlive    interval of SSE keep-alive comments (also how soon a stream whose client left is removed)
 * @param sseMaxClients   SSE streams held at once (about 95 KB of heap each, measured); more are refused with 503
 *                        (keep well below {@code server.tomcat.max-connections})
 * @param webhooks        {@code envmon.alerts.webhooks[0].url}, {@code ...secret}
 * @param webhook         retry and outbox settings shared by all webhooks
 */
@ConfigurationProperties("envmon.alerts")
public record AlertsProperties(
        @DefaultValue("true") boolean enabled,
        Path rulesFile,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("60s") Duration tick,
        @DefaultValue("store") Repository repository,
        @DefaultValue("10000") int closedRetention,
        @DefaultValue("15s") Duration sseKeepAlive,
        @DefaultValue("2000") int sseMaxClients,
        List<Webhook> webhooks,
        @DefaultValue WebhookDelivery webhook) {

    public AlertsProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    /** Where alerts are kept ({@code envmon.alerts.repository}). */
    public enum Repository {
        /** The store's {@code alerts} table (both engines): alerts survive a restart. */
        STORE,
        /** In memory: alerts are lost on restart. */
        MEMORY
    }

    /** @param secret HMAC-SHA256 key for X-EnvMon-Signature */
    public record Webhook(URI url, String secret) {
        @Override
        public String toString() {
            return "Webhook[" + url + "]";
        }
    }

    /** See {@code WebhookDispatcher.Settings}; maxAttempts 0 = retry until delivered or evicted. */
    public record WebhookDelivery(
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("0") int maxAttempts,
            @DefaultValue("10000") int outboxCapacity,
            @DefaultValue("10s") Duration requestTimeout) {
    }
}
