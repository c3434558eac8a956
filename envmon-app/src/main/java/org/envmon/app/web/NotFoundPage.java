package org.envmon.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A GET of a path that is no page of the platform (no controller maps it, no static file of envmon-web is there)
 * answers 404: the portal's {@code not-found.html} to a browser (Accept names text/html), problem+json to any other
 * client. The API's own paths and the framework's (actuator, API docs, login) are left to their handlers and the
 * security rules, so an API keeps answering problem+json. Runs before the security filter chain, which would
 * otherwise refuse any unlisted path with 401/403: a mistyped address is not a question of permission.
 */
public class NotFoundPage extends OncePerRequestFilter {
    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/webjars/",
            "/login", "/logout", "/error");
    private static final String PROBLEM = "{\"type\":\"https://envmon.org/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"no such page\"}";

    private final RequestMappingHandlerMapping controllers;
    private final byte[] page;

    public NotFoundPage(RequestMappingHandlerMapping controllers) throws IOException {
        this.controllers = controllers;
        try (InputStream in = new ClassPathResource("static/not-found.html").getInputStream()) {
            this.page = in.readAllBytes();
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || path.contains("..") || path.contains("//") || path.contains("\\")
                || NOT_PAGES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isPage(path, request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean browser = acceptsHtml(request.getHeader("Accept"));
        byte[] body = browser ? page : PROBLEM.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(browser ? "text/html;charset=UTF-8" : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** The welcome page, a controller's path or a static file (not a folder) of the web module. */
    private boolean isPage(String path, HttpServletRequest request) {
        if (path.equals("/") || (!path.endsWith("/") && new ClassPathResource("static" + path).isReadable())) {
            return true;
        }
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return true; // a mapping that matches the path but not the request: its handler answers
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }

    static boolean acceptsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> "text".equals(m.getType())
                    && "html".equals(m.getSubtype()) && m.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
