package org.envmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does with the platform's login form: a client with its own cookies (the session), the form's CSRF
 * token, url-encoded form posts, and reads and writes in the session (a write sends the CSRF header that
 * {@code /api/v1/me} names).
 */
public final class BrowserSession {
    public final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final RunningPlatform platform;

    public BrowserSession(RunningPlatform platform) {
        this.platform = platform;
    }

    /** The CSRF token of a freshly served login form. */
    public String loginFormCsrf() throws Exception {
        return find("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"", get("/login").body());
    }

    /** The form's login with its CSRF token (and further fields, name then value): 302 where it succeeded. */
    public HttpResponse<String> logIn(String user, String password, String... more) throws Exception {
        String[] fields = new String[6 + more.length];
        System.arraycopy(new String[] {"username", user, "password", password, "_csrf", loginFormCsrf()}, 0, fields, 0,
                6);
        System.arraycopy(more, 0, fields, 6, more.length);
        return http.send(form("/login", fields), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of the fields (name, value, ...) url-encoded, as a form sends them. */
    public HttpRequest form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(platform.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(platform.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The request with the session's CSRF header, as {@code /api/v1/me} names it. */
    public HttpRequest withCsrf(HttpRequest.Builder request) throws Exception {
        String me = get("/api/v1/me").body();
        return request.header(find("\"csrfHeader\":\"([^\"]+)\"", me), find("\"csrfToken\":\"([^\"]+)\"", me)).build();
    }

    /** Sends the write without the CSRF token (refused: 403 naming CSRF), then with it; the second answer. */
    public HttpResponse<String> writeNeedsCsrf(HttpRequest.Builder write) throws Exception {
        HttpResponse<String> noToken = send(write.build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        return send(withCsrf(write));
    }

    /** The first group of {@code regex} in {@code text}; fails the test where it does not occur. */
    public static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
