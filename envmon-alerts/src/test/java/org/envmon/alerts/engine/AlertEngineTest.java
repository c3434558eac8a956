package org.envmon.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.repository.InMemoryAlertRepository;
import org.envmon.alerts.rules.AlertRule;
import org.envmon.model.PacketWrite;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

    private static List<AlertRule> lowPm() {
        return Fixtures.rules("rule.pm.type=threshold", "rule.pm.parameter=a34004", "rule.pm.threshold=100",
                "rule.pm.max-age=P36500D");
    }

    @Test
    void theListenerOnlyQueuesAndTheWorkerPublishes() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AlertEngine engine = new AlertEngine(lowPm(), new InMemoryAlertRepository(), code -> Optional.empty(),
                Clock.systemUTC(), 100, registry)) {
            LinkedBlockingQueue<AlertEvent> events = new LinkedBlockingQueue<>();
            engine.subscribe(events::add);
            engine.start(Duration.ofMillis(50));
            engine.committed(List.of(Fixtures.packet("A01", "hj212", h(0), Fixtures.row("A01", "a34004", h(0), 150,
                    "N"))));
            AlertEvent e = events.poll(5, TimeUnit.SECONDS);
            assertThat(e).isNotNull();
            assertThat(e.type()).isEqualTo(AlertEvent.Type.OPENED);
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(Thread.currentThread().getName()).isNotEqualTo("envmon-alerts");
            assertThat(registry.get("envmon.alerts.events").tag("type", "opened").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheWriter() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        // a subscriber that holds the worker, so the queue fills up
        try (AlertEngine engine = new AlertEngine(lowPm(), new InMemoryAlertRepository(), code -> Optional.empty(),
                Clock.systemUTC(), 3, registry)) {
            engine.subscribe(ev -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            engine.start(null);
            List<PacketWrite> batch = List.of(Fixtures.packet("A01", "hj212", h(0),
                    Fixtures.row("A01", "a34004", h(0), 150, "N")));
            // A hang guard, not a speed check: a caller that waited for the held worker would wait for a minute.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 20; i++) {
                    engine.committed(batch);
                }
            });
            assertThat(engine.droppedInputs()).isGreaterThanOrEqualTo(16);
            assertThat(registry.get("envmon.alerts.input").tag("outcome", "dropped").counter().count())
                    .isEqualTo(engine.droppedInputs());
            release.countDown();
        }
    }
}
