package org.envmon.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Audits every write (any method but GET, HEAD, OPTIONS), allowed or refused, once it is answered: who (the account,
 * or anonymous), what (method and path), from where, and the status. Logins are audited by the login handlers.
 */
final class AuditFilter extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditService audit;

    AuditFilter(AuditService audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return READS.contains(request.getMethod()) || path.equals("/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String actor = AuditService.actor(SecurityContextHolder.getContext().getAuthentication());
            // The mapped pattern ("/api/v1/sites/{code}/reviews") when the request reached a handler, so that one
            // kind of action reads the same in every record; the target keeps the concrete path.
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String what = pattern == null ? request.getRequestURI() : pattern.toString();
            audit.record(actor, request.getMethod() + " " + what, request.getRequestURI(), request,
                    Integer.toString(status));
        }
    }
}
