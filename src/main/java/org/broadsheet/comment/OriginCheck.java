package org.broadsheet.comment;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request defence that needs no per-visitor token, so pages carrying forms can be cached and
 * shared: a POST must say (Origin, or Referer when a browser leaves Origin out) that it comes from a page of
 * this site — from the address it was sent to (Host) or from the configured public base address. Browsers
 * send Origin on every cross-site POST and scripts on other sites cannot forge it.
 * <p>
 * Used for the public comment form and, until the newsroom's staff CSRF tokens exist, for the moderation
 * queue's POSTs (see {@link StaffRequestCheck}). Thread-safe.
 */
final class OriginCheck {

    static final String REFUSED = "This form was sent from another site, so it was refused. Please post it from this site's own page.";

    private final String baseHost;

    OriginCheck(String baseUrl) {
        this.baseHost = authority(baseUrl);
    }

    void verify(Context ctx) {
        String source = ctx.header("Origin");
        if (source == null || source.isBlank() || "null".equals(source)) {
            source = ctx.header("Referer");
        }
        String from = authority(source);
        String host = ctx.header("Host") == null ? null : ctx.header("Host").toLowerCase(Locale.ROOT);
        if (from == null || !(from.equals(host) || from.equals(baseHost))) {
            throw new ForbiddenResponse(REFUSED);
        }
    }

    private static String authority(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return (uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")).toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
