package org.envmon.app.web.feeds;

import java.time.Clock;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.model.DerivedStore;
import org.envmon.model.ObservationStore;
import org.envmon.model.SiteStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public map's feeds and their cache. The air feeds are rebuilt whenever the live recompute has stored new derived
 * air data; the water feed (a month of every section's values: the costlier read) only after its TTL.
 */
@Configuration(proxyBeanMethods = false)
public class FeedsConfiguration {

    @Bean
    FeedCache feedCache(JsonMapper json, FeedsProperties props, LiveRecompute recompute) {
        FeedCache cache = new FeedCache(json, props.ttl(), Clock.systemUTC());
        recompute.addConsumer(city -> cache.invalidate(FeedController.STATIONS, FeedController.CITIES,
                FeedController.STATIONS + FeedController.PUBLIC, FeedController.CITIES + FeedController.PUBLIC));
        return cache;
    }

    @Bean
    AirFeeds airFeeds(SiteStore sites, DerivedStore derived, ObservationStore observations) {
        return new AirFeeds(sites, derived, observations);
    }

    @Bean
    WaterFeed waterFeed(SiteStore sites, WaterEvaluationService water, ObservationStore observations) {
        return new WaterFeed(sites, water, observations);
    }
}
