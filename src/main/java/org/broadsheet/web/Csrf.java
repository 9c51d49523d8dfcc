package org.broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * Cross-site request forgery protection for the staff area. Every state-changing request below the
 * protected prefix must (1) not come from a foreign origin (Origin, else Referer) and (2) carry the
 * synchronizer token of its session in the form field {@value #FIELD} (or header {@code X-CSRF-Token}).
 * The token is derived from the secret session id, so it is bound to the session and needs no storage;
 * before sign-in a random pre-session cookie plays the session's part. Runs after {@link AccessCheck}.
 * Thread-safe.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    static final String PRE_SESSION_COOKIE = "bs_presession";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final String prefix;
    private final String baseAuthority;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    public Csrf(String prefix, String baseUrl) {
        this.prefix = prefix;
        this.baseAuthority = authority(baseUrl);
        this.secure = baseUrl.startsWith("https:");
    }

    /** The {@code beforeMatched} handler. */
    public void handle(Context ctx) {
        if (SAFE.contains(ctx.method().name()) || !ctx.path().startsWith(prefix)) {
            return;
        }
        String origin = ctx.header("Origin");
        String source = origin != null && !origin.isBlank() && !"null".equals(origin) ? origin : ctx.header("Referer");
        if (source != null && !source.isBlank()) {
            String authority = authority(source);
            if (authority == null || !(authority.equalsIgnoreCase(ctx.host()) || authority.equalsIgnoreCase(baseAuthority))) {
                throw new ForbiddenResponse("This request came from another site and was refused.");
            }
        } else if ("null".equals(origin)) {
            throw new ForbiddenResponse("This request came from another site and was refused.");
        }
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        String expected = expected(ctx);
        if (sent == null || expected == null
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This form has expired or did not come from this site. Please go back, reload the page and try again.");
        }
    }

    /** The token to put in this request's forms; before sign-in this sets the pre-session cookie if needed. */
    public String token(Context ctx) {
        String expected = expected(ctx);
        if (expected != null) {
            return expected;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.res().addHeader("Set-Cookie", PRE_SESSION_COOKIE + "=" + value + "; Path=" + prefix + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
        ctx.attribute(PRE_SESSION_COOKIE, value);
        return derive("pre|" + value);
    }

    private static String expected(Context ctx) {
        var principal = AccessCheck.principal(ctx);
        if (principal.isPresent()) {
            return derive("session|" + principal.get().sessionId());
        }
        String pre = ctx.attribute(PRE_SESSION_COOKIE);
        if (pre == null) {
            pre = ctx.cookie(PRE_SESSION_COOKIE);
        }
        return pre == null || pre.isBlank() ? null : derive("pre|" + pre);
    }

    private static String derive(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("broadsheet-csrf|" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String authority(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
