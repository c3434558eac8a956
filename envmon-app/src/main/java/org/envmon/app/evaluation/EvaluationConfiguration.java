package org.envmon.app.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.store.Store;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live recompute worker, listening to the ingest writer's commits. */
@Configuration(proxyBeanMethods = false)
public class EvaluationConfiguration {

    @Bean(destroyMethod = "close")
    LiveRecompute derivedAirWorker(Store store, EvaluationProperties props, GroupCommitWriter writer,
            CityAqiAlertFeed feed, MeterRegistry registry) {
        LiveRecompute worker = new LiveRecompute(store, props.recomputeInterval(), props.recomputeWindow(),
                Clock.systemUTC(), registry);
        worker.addConsumer(feed::accept);
        if (props.recompute()) {
            writer.addListener(worker::committed);
            worker.start();
        }
        return worker;
    }
}
