package org.envmon.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.envmon.gateway.AuthFailureLimit;
import org.envmon.gateway.GatewayConfig;
import org.envmon.gateway.Hj212Gateway;
import org.envmon.gateway.StationDirectory;
import org.envmon.ingest.IngestSink;
import org.envmon.model.SiteStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The HJ 212 gateway as part of the application's lifecycle (started after the store, stopped before it). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "envmon.hj212.enabled", havingValue = "true", matchIfMissing = true)
public class GatewayConfiguration {

    @Bean
    StationDirectory stationDirectory(SiteStore sites) {
        return new StationDirectory(sites, Clock.systemUTC());
    }

    @Bean
    GatewayLifecycle hj212Gateway(EnvmonProperties props, StationDirectory directory, IngestSink sink,
                                  MeterRegistry registry, ConfigurableEnvironment env) {
        EnvmonProperties.Hj212 h = props.hj212();
        GatewayConfig config = new GatewayConfig(h.host(), h.port(), h.maxConnections(), h.maxFrameBytes(),
                Duration.ofSeconds(h.idleTimeoutSeconds()), h.errorBudget(), 0, h.garbageBytesPerError(),
                h.maxPendingBytes().toBytes());
        return new GatewayLifecycle(new Hj212Gateway(config, directory, sink, registry, Clock.systemUTC(),
                new AuthFailureLimit(h.authFailuresPerMinute(), h.authBan())), env);
    }

    /** Starts the gateway with the application and publishes its bound port as {@code envmon.hj212.bound-port}. */
    public static final class GatewayLifecycle implements SmartLifecycle {
        private final Hj212Gateway gateway;
        private final ConfigurableEnvironment env;
        private volatile boolean running;

        GatewayLifecycle(Hj212Gateway gateway, ConfigurableEnvironment env) {
            this.gateway = gateway;
            this.env = env;
        }

        @Override
        public void start() {
            try {
                int port = gateway.start();
                env.getPropertySources().addFirst(new MapPropertySource("envmon-gateway",
                        Map.of("envmon.hj212.bound-port", port)));
                running = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding the HJ 212 port", e);
            }
        }

        @Override
        public void stop() {
            gateway.close();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        public Hj212Gateway gateway() {
            return gateway;
        }
    }
}
