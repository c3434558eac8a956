package org.envmon.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.envmon.model.AuditRecord;
import org.envmon.model.AuditStore;
import org.envmon.model.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;

/**
 * Writes audit records. A failing audit write is logged, not thrown: the action it records has already happened.
 * The origin is the peer address of the connection (a proxy's forwarded headers are not trusted).
 */
public class AuditService {
    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    public static final String ANONYMOUS = "anonymous";

    private final AuditStore store;
    private final Clock clock;

    public AuditService(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account name of an authentication, or {@link #ANONYMOUS}. */
    public static String actor(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof EnvmonUser u ? u.name() : ANONYMOUS;
    }

    public void record(String actor, String action, String target, HttpServletRequest from, String outcome) {
        record(actor, action, target, from == null ? null : from.getRemoteAddr(), outcome);
    }

    public void record(String actor, String action, String target, String origin, String outcome) {
        try {
            store.append(new AuditRecord(0, clock.instant(), actor, action, target, origin, outcome));
        } catch (StoreException | IllegalArgumentException e) {
            log.error("audit record not written ({} {} {}): {}", actor, action, outcome, e.getMessage());
        }
    }

    public List<AuditRecord> list(Instant from, Instant to, String actor, int limit) {
        return store.list(from, to, actor, limit);
    }
}
