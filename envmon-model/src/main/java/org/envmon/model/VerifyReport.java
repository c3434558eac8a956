package org.envmon.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of re-reading the whole store against its hash chain ({@link ChainStore#verify()}).
 *
 * @param records       chain entries checked
 * @param packets       raw packets read
 * @param observations  observation rows read
 * @param reviews       review rows read
 * @param legacyPackets packets stored before chaining started (schema V1 data): not covered by the chain
 * @param problemCount  all problems found; {@link #problems()} holds at most the first 100, ordered by chain position
 */
public record VerifyReport(
        State state,
        long records,
        long packets,
        long observations,
        long reviews,
        long legacyPackets,
        long problemCount,
        List<Problem> problems,
        Duration took) {

    public enum State {
        /** Every stored record matches the chain, links and checkpoints hold. */
        INTACT,
        /** Nothing stored and nothing chained. */
        EMPTY,
        /** Data exists but nothing was ever chained (data from before the chain existed): nothing to verify. */
        NEVER_CHAINED,
        /** At least one problem; see {@link #problems()}. */
        BROKEN
    }

    /**
     * One difference between the stored data and the chain.
     *
     * @param kind "packet", "observation", "review", "chain" or "checkpoint"
     * @param id   the packet, review or checkpoint id concerned, or null
     * @param seq  the chain position concerned, or null when the record is not in the chain
     * @param what what differs, e.g. "observation value or column changed", "packet deleted", "unchained packet"
     */
    public record Problem(String kind, Long id, Long seq, String what) {
        @Override
        public String toString() {
            return kind + (id == null ? "" : " " + id) + (seq == null ? "" : " (chain seq " + seq + ")") + ": " + what;
        }
    }

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** INTACT or EMPTY: nothing was found altered, deleted or inserted. */
    public boolean intact() {
        return state == State.INTACT || state == State.EMPTY;
    }

    public Optional<Problem> firstProblem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0));
    }

    /** One line for humans, e.g. for {@code envmon verify}. */
    public String summary() {
        return switch (state) {
            case EMPTY -> "intact: the store is empty";
            case INTACT -> String.format("intact: %,d chained records checked (%,d packets, %,d observations, %,d reviews)"
                    + "%s in %d ms", records, packets, observations, reviews,
                    legacyPackets == 0 ? "" : String.format(", %,d older packets from before chaining not covered",
                            legacyPackets), took.toMillis());
            case NEVER_CHAINED -> String.format("never chained: the store holds %,d packets and %,d observations stored"
                    + " before the hash chain existed; there is nothing to verify them against", packets, observations);
            case BROKEN -> String.format("BROKEN: %,d problem(s) in %,d chained records; first: %s", problemCount,
                    records, problems.get(0));
        };
    }
}
