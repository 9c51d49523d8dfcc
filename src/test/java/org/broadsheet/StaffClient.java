package org.broadsheet;

import org.broadsheet.account.SessionAuthenticator;
import org.broadsheet.web.Csrf;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the newsroom: keeps cookies, does not follow redirects, signs in through the
 * real form at {@code /newsroom/sign-in}, and sends the CSRF token ({@value Csrf#FIELD}) it last saw in a page
 * with every form it posts.
 */
public final class StaffClient {

    private static final Pattern CSRF = Pattern.compile("name=\"" + Csrf.FIELD + "\" value=\"([^\"]+)\"");

    private final Supplier<String> base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    /** A signed-out client for the server whose address (e.g. {@code http://localhost:1234}) {@code base} gives now; it may change on a restart. */
    public StaffClient(Supplier<String> base) {
        this.base = base;
    }

    /** A client signed in with these credentials; fails the test if the sign-in is refused. */
    public static StaffClient signedIn(Supplier<String> base, String email, String password) {
        StaffClient s = new StaffClient(base);
        HttpResponse<String> r = s.signIn(email, password);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return s;
    }

    public String base() {
        return base.get();
    }

    /** The CSRF token from the last page that carried one ({@code null} before any). */
    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public HttpResponse<String> signIn(String email, String password) {
        get("/newsroom/sign-in");
        HttpResponse<String> r = post("/newsroom/sign-in", Map.of("email", email, "password", password));
        if (r.statusCode() == 303) {
            get("/newsroom");
        }
        return r;
    }

    /** Posts a form with this client's CSRF token and a same-origin Origin header; null values are left out. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null && !all.containsKey(Csrf.FIELD)) {
            all.put(Csrf.FIELD, csrf);
        }
        all.values().removeIf(v -> v == null);
        return postRaw(path, all, base());
    }

    /** Posts exactly these fields (no token added) with this Origin header ({@code null}: none). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form, String origin) {
        return postBody(path, encode(form), origin);
    }

    /** Posts an already encoded form body (e.g. with a repeated field) with this Origin header ({@code null}: none). */
    public HttpResponse<String> postBody(String path, String body, String origin) {
        return send(TestApp.formPost(URI.create(base() + path), body, origin));
    }

    public HttpResponse<String> send(HttpRequest request) {
        return TestApp.send(http, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The session cookie's value, or {@code null} when signed out. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SessionAuthenticator.COOKIE))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** URL-encodes a form, in the map's order. */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
