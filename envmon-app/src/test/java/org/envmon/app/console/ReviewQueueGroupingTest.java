package org.envmon.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.envmon.app.console.ReviewQueueGrouping.Item;
import org.envmon.app.console.ReviewQueueGrouping.State;
import org.envmon.app.console.ReviewQueueGrouping.Value;
import org.envmon.model.Interval;
import org.envmon.model.QcFlag;
import org.junit.jupiter.api.Test;

class ReviewQueueGroupingTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration GAP = Duration.ofHours(3);
    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    private static Instant h(int hour) {
        return T0.plus(Duration.ofHours(hour));
    }

    private static Value v(String site, int hour, String code) {
        return new Value(site, "a34004", h(hour), code, null);
    }

    @Test
    void aConstantRunIsOneItemFromItsFirstReadingWithItsEvidence() {
        List<Value> values = new ArrayList<>();
        values.add(v("BJ01", 0, null));
        for (int i = 1; i <= 15; i++) {
            values.add(v("BJ01", i, "CONSTANT"));
        }
        values.add(v("BJ01", 16, null));
        Collections.shuffle(values, new java.util.Random(7));
        QcFlag flag = new QcFlag(1, "BJ01", "a34004", Interval.HOUR, h(1), h(12), "CONSTANT", 12, 70.0, 9, h(12), 4);

        List<Item> items = ReviewQueueGrouping.group(values, List.of(flag), HOUR, GAP);

        assertThat(items).containsExactly(new Item("BJ01", "a34004", "CONSTANT", h(1), h(16), 15, 0, State.PENDING,
                12, 70.0));
    }

    @Test
    void aValidValueAnotherCodeAnotherSeriesOrALongGapStartsANewItem() {
        List<Value> values = List.of(v("BJ01", 0, "NEGATIVE"), v("BJ01", 1, "NEGATIVE"), v("BJ01", 2, null),
                v("BJ01", 3, "NEGATIVE"), v("BJ01", 4, "ABOVE_RANGE"), v("BJ01", 9, "ABOVE_RANGE"),
                v("BJ02", 10, "ABOVE_RANGE"), new Value("BJ02", "a34002", h(11), "ABOVE_RANGE", null));

        List<Item> items = ReviewQueueGrouping.group(values, List.of(), HOUR, GAP);

        assertThat(items).extracting(Item::site, Item::parameter, Item::code, Item::from, Item::to, Item::values)
                .containsExactly(
                        tuple("BJ01", "a34004", "NEGATIVE", h(0), h(2), 2),
                        tuple("BJ01", "a34004", "NEGATIVE", h(3), h(4), 1),
                        tuple("BJ01", "a34004", "ABOVE_RANGE", h(4), h(5), 1),
                        tuple("BJ01", "a34004", "ABOVE_RANGE", h(9), h(10), 1),
                        tuple("BJ02", "a34002", "ABOVE_RANGE", h(11), h(12), 1),
                        tuple("BJ02", "a34004", "ABOVE_RANGE", h(10), h(11), 1));
        assertThat(items).allSatisfy(i -> assertThat(i.runLength()).isNull());
    }

    @Test
    void aShortGapInsideARunKeepsOneItem() {
        List<Item> items = ReviewQueueGrouping.group(List.of(v("BJ01", 0, "CONSTANT"), v("BJ01", 3, "CONSTANT")),
                List.of(), HOUR, GAP);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.from()).isEqualTo(h(0));
            assertThat(i.to()).isEqualTo(h(4));
            assertThat(i.values()).isEqualTo(2);
        });
    }

    @Test
    void theStateFollowsTheReviewsCoveringTheValues() {
        List<Value> invalidated = List.of(new Value("S", "p", h(0), "CONSTANT", false),
                new Value("S", "p", h(1), "CONSTANT", false));
        List<Value> accepted = List.of(new Value("S", "p", h(0), "CONSTANT", true));
        List<Value> mixed = List.of(new Value("S", "p", h(0), "CONSTANT", true),
                new Value("S", "p", h(1), "CONSTANT", null));
        assertThat(ReviewQueueGrouping.group(invalidated, List.of(), HOUR, GAP).get(0).state())
                .isEqualTo(State.INVALIDATED);
        assertThat(ReviewQueueGrouping.group(accepted, List.of(), HOUR, GAP).get(0).state())
                .isEqualTo(State.ACCEPTED);
        Item m = ReviewQueueGrouping.group(mixed, List.of(), HOUR, GAP).get(0);
        assertThat(m.state()).isEqualTo(State.MIXED);
        assertThat(m.reviewed()).isEqualTo(1);
    }

    @Test
    void theQueuedCodeIsTheFirstInvalidatingOne() {
        assertThat(ReviewQueueGrouping.primaryCode(List.of("SPIKE", "CONSTANT"))).isEqualTo("CONSTANT");
        assertThat(ReviewQueueGrouping.primaryCode(List.of("SPIKE"))).isEqualTo("SPIKE");
        assertThat(ReviewQueueGrouping.primaryCode(List.of("SOMETHING_NEW", "NEGATIVE"))).isEqualTo("NEGATIVE");
        assertThat(ReviewQueueGrouping.primaryCode(List.of())).isNull();
    }
}
