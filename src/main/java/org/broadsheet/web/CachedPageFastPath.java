package org.broadsheet.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Answers GET and HEAD requests for pages already in the {@link PageCache} inside Jetty, before Javalin
 * runs: the bytes go out as one buffer with the same headers the cache gives through Javalin. Everything
 * else (misses, other methods, every non-public route) passes on to Javalin unchanged. Only public
 * pages are ever stored, so no access check is skipped. Reads are still counted through {@code onHit}
 * (GET only: a HEAD is not a read).
 */
public final class CachedPageFastPath extends Handler.Wrapper {

    private final PageCache cache;
    private final BiConsumer<RequestFacts, Set<String>> onHit;
    private final Counter hits;

    public CachedPageFastPath(PageCache cache, BiConsumer<RequestFacts, Set<String>> onHit, MeterRegistry metrics) {
        this.cache = cache;
        this.onHit = onHit;
        this.hits = Counter.builder("broadsheet.pages.fast_hits")
                .description("Cached pages answered before the web framework ran").register(metrics);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (!head && !HttpMethod.GET.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        HttpFields in = request.getHeaders();
        String query = request.getHttpURI().getQuery();
        String page = null;
        if (query != null) {
            // Read only the page number, undecoded: any other query (even a malformed one) stays Javalin's to answer.
            for (String part : query.split("&")) {
                if (part.startsWith("page=")) {
                    page = part.substring("page=".length());
                    break;
                }
            }
            if (page != null && (page.isEmpty() || !page.chars().allMatch(c -> c >= '0' && c <= '9'))) {
                return super.handle(request, response, callback);
            }
        }
        Optional<PageCache.Reply> found = cache.lookup(request.getHttpURI().getPath(), page,
                in.get(HttpHeader.ACCEPT_ENCODING), in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE));
        if (found.isEmpty()) {
            return super.handle(request, response, callback);
        }
        PageCache.Reply reply = found.get();
        HttpFields.Mutable out = response.getHeaders();
        out.put(HttpHeader.CACHE_CONTROL, reply.cacheControl());
        out.put(HttpHeader.VARY, "Accept-Encoding");
        out.put(HttpHeader.ETAG, reply.etag());
        out.put(HttpHeader.LAST_MODIFIED, reply.lastModified());
        out.put("X-Cache", "HIT");
        response.setStatus(reply.status());
        if (reply.status() == 200) {
            out.put(HttpHeader.CONTENT_TYPE, reply.contentType());
            if (reply.contentEncoding() != null) {
                out.put(HttpHeader.CONTENT_ENCODING, reply.contentEncoding());
            }
            out.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        }
        hits.increment();
        if (reply.status() == 200 && !head) {
            onHit.accept(RequestFacts.of(request), reply.keys());
        }
        // HEAD: the same headers (Content-Length included); Jetty leaves the body out.
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }
}
