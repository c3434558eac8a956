package org.envmon.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401, 403 and 429 as {@code application/problem+json}, with fixed texts: no stack trace, no exception message, nothing
 * that tells whether an account or a token exists.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, "Unauthorized", "unauthorized",
                "authentication required: a valid API token (Authorization: Bearer ...) or a session login");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, 403, "Forbidden", "csrf", "missing or invalid CSRF token (a session write needs the "
                    + "X-CSRF-TOKEN header or the _csrf form field)");
        } else {
            write(response, 403, "Forbidden", "forbidden", "not allowed for your role");
        }
    }

    /** 429 with {@code Retry-After} in seconds; the detail is a fixed text. */
    static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, 429, "Too Many Requests", "too-many-requests", detail);
    }

    static void write(HttpServletResponse response, int status, String title, String type, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Only fixed texts are written here, so no JSON escaping is needed.
        response.getWriter().write("{\"type\":\"https://envmon.org/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
