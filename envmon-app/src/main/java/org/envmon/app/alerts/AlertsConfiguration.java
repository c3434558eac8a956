package org.envmon.app.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.alerts.notify.WebhookDispatcher;
import org.envmon.alerts.repository.AlertRepository;
import org.envmon.alerts.repository.InMemoryAlertRepository;
import org.envmon.alerts.repository.StoreAlertRepository;
import org.envmon.alerts.rules.AlertRule;
import org.envmon.alerts.rules.LoadContext;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.ingest.StoredBatches;
import org.envmon.ingest.log.IngestLog;
import org.envmon.standards.water.WaterRounding;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Early warning: the rule engine consuming the ingest log after the store writer, webhook delivery, and the SSE
 * stream. Alerts are kept in the store ({@link StoreAlertRepository}, survives a restart) unless
 * {@code envmon.alerts.repository=memory} ({@link InMemoryAlertRepository}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "envmon.alerts.enabled", havingValue = "true", matchIfMissing = true)
public class AlertsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AlertsConfiguration.class);

    @Bean(destroyMethod = "close")
    AlertEngine alertEngine(AlertsProperties props, Store store, SiteStore sites, IngestLog ingestLog,
                            MeterRegistry registry, WaterRounding waterRounding) {
        LoadContext deployment = new LoadContext(waterRounding);
        List<AlertRule> rules = props.rulesFile() == null ? RuleLoader.defaults(deployment)
                : RuleLoader.defaultsWith(props.rulesFile(), deployment);
        // The engine depends on the store bean, so it is closed (its queue drained) before the store.
        AlertRepository repository = switch (props.repository()) {
            case STORE -> new StoreAlertRepository(store.alerts());
            case MEMORY -> new InMemoryAlertRepository(props.closedRetention());
        };
        AlertEngine engine = new AlertEngine(rules, repository, sites::byCode, Clock.systemUTC(),
                props.queueCapacity(), registry);
        // A consumer of the ingest log that follows the store writer; it only queues (see AlertEngine).
        StoredBatches.follow(ingestLog, "alerts", engine, registry);
        engine.start(props.tick());
        log.info("alert engine started with {} rules{}, alerts kept in {}", rules.size(),
                props.rulesFile() == null ? "" : " (defaults + " + props.rulesFile() + ")",
                props.repository() == AlertsProperties.Repository.STORE ? "the store" : "memory");
        return engine;
    }

    @Bean(destroyMethod = "close")
    WebhookDispatcher webhookDispatcher(AlertsProperties props, AlertEngine engine, MeterRegistry registry) {
        AlertsProperties.WebhookDelivery w = props.webhook();
        for (AlertsProperties.Webhook h : props.webhooks()) {
            if (h.url() == null) {
                throw new IllegalArgumentException("envmon.alerts.webhooks[].url is required");
            }
            if (h.secret() == null || h.secret().isBlank()) {
                log.warn("webhook {} has no secret: its requests are not signed", h.url());
            }
        }
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                props.webhooks().stream().map(h -> new WebhookDispatcher.Target(h.url(), h.secret())).toList(),
                new WebhookDispatcher.Settings(w.initialBackoff(), w.maxBackoff(), w.maxAttempts(),
                        w.outboxCapacity(), w.requestTimeout()),
                registry);
        engine.subscribe(dispatcher);
        return dispatcher;
    }

    @Bean
    AlertStream alertStream(AlertsProperties props, AlertEngine engine, MeterRegistry registry) {
        AlertStream stream = new AlertStream(props.sseKeepAlive(), props.sseMaxClients(), registry);
        engine.subscribe(stream);
        return stream;
    }
}
