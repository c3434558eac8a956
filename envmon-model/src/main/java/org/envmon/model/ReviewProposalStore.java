package org.envmon.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Review proposals awaiting (or past) an operator's decision; see {@link ReviewProposal}. */
public interface ReviewProposalStore {

    /** Stores a pending proposal (its id, state and decision fields are ignored); returns it with its id. */
    ReviewProposal propose(ReviewProposal proposal);

    Optional<ReviewProposal> find(long id);

    /** Proposals of one site ({@code null} = all) in one state ({@code null} = any), newest first. */
    List<ReviewProposal> list(String siteCode, String state, int limit);

    /**
     * Closes a pending proposal.
     *
     * @return false when it is not pending any more (decided concurrently)
     */
    boolean decide(long id, String state, String decidedBy, Instant decidedAt, String note, Long reviewId);
}
