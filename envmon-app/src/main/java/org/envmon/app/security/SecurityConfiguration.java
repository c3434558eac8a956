package org.envmon.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.envmon.model.Store;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the platform: the endpoint classification of {@link EndpointRules} (anything else refused),
 * form login with a session and CSRF protection for browsers, API tokens ({@code Authorization: Bearer}) for
 * machines, 401/403 as problem+json, rate limits and login throttling (429), and the audit of writes and logins.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Longest user name recorded for a failed login (what was typed, not an account). */
    private static final int MAX_LOGIN_NAME = 64;

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and every encoding Spring Security knows, by its {id} prefix, for later upgrades.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountService accountService(Store store, PasswordEncoder encoder) {
        return new AccountService(store.accounts(), encoder, Clock.systemUTC());
    }

    @Bean
    TokenAuthenticator tokenAuthenticator(Store store, EnvmonSecurityProperties props) {
        return new TokenAuthenticator(store.accounts(), Clock.systemUTC(), props.tokenCacheTtl());
    }

    @Bean
    AuditService auditService(Store store) {
        return new AuditService(store.audit(), Clock.systemUTC());
    }

    /** Accounts for form login; the same answer for an unknown name and a wrong password (Spring hides which). */
    @Bean
    UserDetailsService userDetailsService(Store store) {
        return name -> store.accounts().user(name).map(a -> EnvmonUser.of(a, store.accounts().sites(a.name()),
                store.accounts().media(a.name())))
                .orElseThrow(() -> new UsernameNotFoundException("bad credentials"));
    }

    @Bean
    LoginThrottle loginThrottle(EnvmonSecurityProperties props) {
        return new LoginThrottle(props.loginThrottle(), props.rateLimit().maxClients());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, EnvmonSecurityProperties props,
                                            TokenAuthenticator tokens, AuditService audit,
                                            LoginThrottle throttle) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.authorizeHttpRequests(a -> {
            for (EndpointRules.Rule rule : EndpointRules.rules(props)) {
                apply(a.requestMatchers(matcher(rule)), rule);
            }
            a.anyRequest().denyAll();
        });
        // CSRF protects what a browser sends by itself: the session cookie. Requests with a bearer token or
        // without any session carry no ambient credential, so they need no CSRF token (an anonymous write is then
        // answered 401, not a confusing 403). The login form is always protected (login CSRF).
        http.csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf));
        http.formLogin(f -> f
                .successHandler((request, response, auth) -> {
                    throttle.succeeded(typedName(request));
                    audit.record(AuditService.actor(auth), "login.success", "/login", request, "ok");
                    new SimpleUrlAuthenticationSuccessHandler(landing(request, "/console", "/api/v1/me")).onAuthenticationSuccess(request,
                            response, auth);
                })
                .failureHandler((request, response, e) -> {
                    throttle.failed(typedName(request), request.getRemoteAddr());
                    audit.record(typedName(request), "login.failure", "/login", request, "failed");
                    new SimpleUrlAuthenticationFailureHandler(landing(request, "/console?error", "/login?error")).onAuthenticationFailure(request,
                            response, e);
                })
                .permitAll());
        // 401 as problem+json for every request, browsers too (the login page is at /login). Registered as the
        // default for any request rather than as "the" entry point, so that Spring still serves its login page.
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(problems));
        // No "saved request" sessions for anonymous API calls that were refused.
        http.requestCache(c -> c.disable());
        // In this order, all before the login form's filter (filters of one position keep the order they were added
        // in): the bearer token, then the rate limit once the caller is known (token, session user, or address),
        // then login throttling before any password is checked.
        http.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new RateLimitFilter(props.rateLimit()), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new AuditFilter(audit), SecurityContextHolderFilter.class);
        return http.build();
    }

    private static RequestMatcher matcher(EndpointRules.Rule rule) {
        PathPatternRequestMatcher.Builder b = PathPatternRequestMatcher.withDefaults();
        return rule.method() == null ? b.matcher(rule.pattern()) : b.matcher(rule.method(), rule.pattern());
    }

    private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url,
                              EndpointRules.Rule rule) {
        switch (rule.access()) {
            case PUBLIC -> url.permitAll();
            case AUTHENTICATED -> url.authenticated();
            case ROLES -> url.hasAnyRole(rule.roles().stream().map(r -> r.toUpperCase(Locale.ROOT))
                    .toArray(String[]::new));
        }
    }

    static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if ("/login".equals(request.getServletPath()) || "/login".equals(request.getRequestURI())) {
            return true;
        }
        return !BearerTokenFilter.hasBearer(request) && request.getRequestedSessionId() != null;
    }

    /**
     * Where a login lands: the console's form says {@code continue=/console} and returns there; anything else (API
     * clients, Spring's own form) lands on {@code /api/v1/me} as before. Only that one value is honoured (no open
     * redirect).
     */
    static String landing(HttpServletRequest request, String console, String otherwise) {
        return "/console".equals(request.getParameter("continue")) ? console : otherwise;
    }

    static String typedName(HttpServletRequest request) {
        String name = request.getParameter("username");
        if (name == null || name.isBlank()) {
            return AuditService.ANONYMOUS;
        }
        return name.length() > MAX_LOGIN_NAME ? name.substring(0, MAX_LOGIN_NAME) : name;
    }
}
