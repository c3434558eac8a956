package org.envmon.quality.screening;

import java.util.ArrayList;
import java.util.List;

/** Merges flagged index ranges {@code [from, to)} that overlap or touch. */
final class Segments {

    record Range(int from, int to) {
    }

    private final List<Range> ranges = new ArrayList<>();

    /** Ranges must be added in non-decreasing {@code from} order. */
    void add(int from, int to) {
        if (!ranges.isEmpty()) {
            Range last = ranges.get(ranges.size() - 1);
            if (from <= last.to()) {
                ranges.set(ranges.size() - 1, new Range(last.from(), Math.max(last.to(), to)));
                return;
            }
        }
        ranges.add(new Range(from, to));
    }

    List<Range> ranges() {
        return ranges;
    }
}
