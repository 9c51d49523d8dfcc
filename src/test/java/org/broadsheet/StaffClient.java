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
import java.util.concurrent.CompletableFuture;
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
    private String forwardedFor;

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

    /**
     * Sends {@code X-Forwarded-For: address} with every request from now on: behind {@code --proxy-hops 1}
     * the server takes this client to be at that address.
     */
    public StaffClient from(String address) {
        this.forwardedFor = address;
        return this;
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

    /**
     * Loads the sign-in form, then posts it without waiting for the answer (the server may hold a throttled
     * attempt back); the client's cookies are updated when the answer comes.
     */
    public CompletableFuture<HttpResponse<String>> signInAsync(String email, String password) {
        get("/newsroom/sign-in");
        HttpRequest post = withAddress(TestApp.formPost(URI.create(base() + "/newsroom/sign-in"),
                encode(withToken(Map.of("email", email, "password", password))), base()));
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts a form with this client's CSRF token and a same-origin Origin header; null values are left out. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return postRaw(path, withToken(form), base());
    }

    private Map<String, String> withToken(Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null && !all.containsKey(Csrf.FIELD)) {
            all.put(Csrf.FIELD, csrf);
        }
        all.values().removeIf(v -> v == null);
        return all;
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
        return TestApp.send(http, withAddress(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest withAddress(HttpRequest request) {
        return forwardedFor == null ? request : HttpRequest.newBuilder(request, (name, value) -> true)
                .header("X-Forwarded-For", forwardedFor).build();
    }

    /** Gives this browser a known-device cookie with this value, as if the server had set it. */
    public StaffClient withDevice(String value) {
        HttpCookie cookie = new HttpCookie(SessionAuthenticator.DEVICE_COOKIE, value);
        cookie.setPath("/newsroom/sign-in");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base() + "/newsroom/sign-in"), cookie);
        return this;
    }

    /** The known-device cookie's value, or {@code null} if this browser has none. */
    public String deviceCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SessionAuthenticator.DEVICE_COOKIE))
                .map(HttpCookie::getValue).findFirst().orElse(null);
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
