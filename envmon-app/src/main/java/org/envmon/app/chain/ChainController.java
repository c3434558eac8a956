package org.envmon.app.chain;

import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.envmon.model.Checkpoint;
import org.envmon.model.Store;
import org.envmon.model.VerifyReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tamper-evident trail: hourly checkpoints to sign, and verification of the running store. */
@RestController
@RequestMapping("/api/v1/chain")
@Tag(name = "chain", description = "Hash chain over raw packets, imported rows and review decisions")
public class ChainController {
    private final Store store;

    public ChainController(Store store) {
        this.store = store;
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Sealed hourly checkpoints (Merkle roots) whose period starts in [from, to), for external "
            + "signing")
    public List<Checkpoint> checkpoints(
            @Parameter(description = ApiRanges.FROM_TIME + " (default: the first)") @RequestParam(required = false)
            String from,
            @Parameter(description = ApiRanges.TO_TIME + " (default: now)") @RequestParam(required = false)
            String to) {
        Instant t0 = ApiTime.in("from", from);
        Instant t1 = ApiTime.in("to", to);
        return store.chain().checkpoints(t0 == null ? Instant.EPOCH : t0, t1 == null ? Instant.now() : t1);
    }

    /** What the public may see of the latest seal: enough to compare a root, nothing of the entries. */
    public record LatestCheckpoint(java.time.OffsetDateTime periodStart, java.time.OffsetDateTime periodEnd,
            long firstSeq, long lastSeq, String merkleRoot, java.time.OffsetDateTime sealedAt) {
    }

    @GetMapping("/checkpoints/latest")
    @Operation(summary = "The latest sealed checkpoint: its period, sequence range and Merkle root (public; 404 when "
            + "none is sealed yet)")
    public LatestCheckpoint latestCheckpoint() {
        Instant now = Instant.now();
        Checkpoint latest = null;
        // Recent windows first (a running platform seals one per hour); the whole trail only after a long silence.
        for (Instant from : List.of(now.minusSeconds(3 * 3600), now.minusSeconds(40 * 86_400L), Instant.EPOCH)) {
            List<Checkpoint> found = store.chain().checkpoints(from, now.plusSeconds(3600));
            if (!found.isEmpty()) {
                latest = found.get(found.size() - 1);
                break;
            }
        }
        if (latest == null) {
            throw new NotFoundException("no checkpoint sealed yet");
        }
        return new LatestCheckpoint(ApiTime.out(latest.periodStart()), ApiTime.out(latest.periodEnd()),
                latest.firstSeq(), latest.lastSeq(), latest.merkleRoot(), ApiTime.out(latest.sealedAt()));
    }

    @PostMapping("/verify")
    @Operation(summary = "Re-read the whole store against the chain (as `envmon verify` does)")
    public VerifyReport verify() {
        return store.chain().verify();
    }
}
