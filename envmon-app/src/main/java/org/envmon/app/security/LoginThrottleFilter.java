package org.envmon.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a login attempt (429, audited) while its user name or its address is throttled by {@link LoginThrottle}. */
final class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final AuditService audit;

    LoginThrottleFilter(LoginThrottle throttle, AuditService audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = SecurityConfiguration.typedName(request);
        long retryAfter = throttle.refusedFor(name, request.getRemoteAddr());
        if (retryAfter > 0) {
            audit.record(name, "login.throttled", "/login", request, "429");
            ProblemResponses.tooManyRequests(response, retryAfter, "too many failed logins: try again later");
            return;
        }
        chain.doFilter(request, response);
    }
}
