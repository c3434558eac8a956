package org.envmon.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per minute: per token (or per session user) once authenticated, per client address otherwise (the peer
 * address of the connection; a proxy's forwarded headers are not trusted). Over the limit: 429 problem+json with
 * {@code Retry-After}. Runs after authentication, so that an account is counted by its credential, not its address.
 */
final class RateLimitFilter extends OncePerRequestFilter {
    private final EnvmonSecurityProperties.RateLimit limits;
    private final RequestBuckets buckets;

    RateLimitFilter(EnvmonSecurityProperties.RateLimit limits) {
        this.limits = limits;
        // an idle minute refills any bucket completely: it can be forgotten
        this.buckets = new RequestBuckets(limits.maxClients(), Duration.ofMinutes(1));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String key;
        int perMinute;
        if (auth != null && auth.getPrincipal() instanceof EnvmonUser user) {
            // a data-sharing partner has its own, lower, limit
            perMinute = user.is(EndpointRules.ANALYST) ? limits.analystPerMinute() : limits.tokenPerMinute();
            // a token by its hash (the secret is never kept), a browser session by its account
            key = BearerTokenFilter.hasBearer(request)
                    ? "token:" + AccountService.hash(request.getHeader("Authorization")
                            .substring(BearerTokenFilter.PREFIX.length()).strip())
                    : "user:" + user.name();
        } else {
            perMinute = limits.anonymousPerMinute();
            key = "address:" + request.getRemoteAddr();
        }
        if (perMinute > 0) {
            long retryAfter = buckets.take(key, () -> RequestBuckets.perMinute(perMinute));
            if (retryAfter > 0) {
                ProblemResponses.tooManyRequests(response, retryAfter, "rate limit of " + perMinute
                        + " requests a minute exceeded");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
