package org.broadsheet.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one owner of the browser security policy (OWASP secure headers): a Content-Security-Policy that
 * allows only what our pages use, no framing by other sites (none at all for the newsroom, so Publish
 * cannot be clickjacked), no MIME sniffing, a referrer policy, a permissions policy and, when the site's
 * public address is https, HSTS. It is the outermost Jetty handler, so every answer carries the headers:
 * cached pages from {@link CachedPageFastPath}, Javalin's pages, assets, media, feeds, errors, 304s and
 * redirects alike. A handler may still replace a header for its own response. Thread-safe (immutable).
 *
 * <p>Our pages carry no inline script and no inline style: scripts and stylesheets are fingerprinted
 * files under {@code /assets/}, and JSON-LD data blocks are not scripts to the browser. Article bodies may
 * show images from any https address (the body sanitizer allows them), nothing else from elsewhere.
 */
public final class SecurityHeaders extends Handler.Wrapper {

    private static final String NEWSROOM = "/newsroom";

    /** What every page needs: our own scripts, styles, fetches and forms; images also from https. */
    private static final String PAGE_SOURCES = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /** Readers' pages may be framed by the site itself only. */
    static final String PUBLIC_POLICY = PAGE_SOURCES + "; frame-ancestors 'self'";

    /** Staff screens are never framed, not even by the site. */
    static final String NEWSROOM_POLICY = PAGE_SOURCES + "; frame-ancestors 'none'";

    /** Uploaded files are shown as images, never run as documents (an uploaded SVG or HTML stays inert). */
    static final String MEDIA_POLICY = "default-src 'none'; sandbox; base-uri 'none'; frame-ancestors 'none'";

    private static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    /** The three header sets, built once: every answer, cached pages at tens of thousands a second included, takes one. */
    private final Map<String, String> readers;
    private final Map<String, String> newsroom;
    private final Map<String, String> media;

    /** @param baseUrl the site's public address; HSTS is sent only when it is https */
    public SecurityHeaders(String baseUrl) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("X-Content-Type-Options", "nosniff");
        common.put("Referrer-Policy", "strict-origin-when-cross-origin");
        common.put("Permissions-Policy", PERMISSIONS);
        common.put("Cross-Origin-Opener-Policy", "same-origin");
        if (baseUrl != null && baseUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            // No includeSubDomains: the operator's other hosts are not ours to bind to https.
            common.put("Strict-Transport-Security", "max-age=31536000");
        }
        this.readers = with(common, PUBLIC_POLICY, "SAMEORIGIN");
        this.newsroom = with(common, NEWSROOM_POLICY, "DENY");
        this.media = with(common, MEDIA_POLICY, "DENY");
    }

    private static Map<String, String> with(Map<String, String> common, String policy, String frameOptions) {
        Map<String, String> headers = new LinkedHashMap<>(common);
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Frame-Options", frameOptions);
        return java.util.Collections.unmodifiableMap(headers);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable out = response.getHeaders();
        // The decoded, normalised path: an encoded "/newsroom" must not get the readers' policy.
        headersFor(request.getHttpURI().getCanonicalPath()).forEach(out::put);
        return super.handle(request, response, callback);
    }

    /** The headers an answer for this path carries. */
    Map<String, String> headersFor(String path) {
        String p = path == null ? "/" : path;
        if (p.equals(NEWSROOM) || p.startsWith(NEWSROOM + "/")) {
            return newsroom;
        }
        return p.startsWith("/media/") ? media : readers;
    }
}
