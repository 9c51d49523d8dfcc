package org.broadsheet.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered public pages kept in memory, each compressed once (gzip, and brotli where its native library
 * loads), served with ETag / Last-Modified / 304 and CDN-friendly Cache-Control.
 *
 * <p>Handlers opt in by naming what their page shows with {@link #depends(Context, String...)}
 * (e.g. {@code "article:12"}, {@code "section:3"}, {@code "rankings"}); {@link #invalidate(Collection)}
 * drops exactly the pages that named one of the given keys. A page rendered while an invalidation ran is
 * served but not stored, so a stale render never outlives the change. Concurrent misses on one page wait
 * for a single render (no thundering herd). Pages that set a cookie are never stored: nothing personal
 * enters the shared cache. Thread-safe.
 */
public final class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);
    private static final String DEPENDS = "broadsheet.cache.depends";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One stored page with its encodings. */
    record Page(byte[] identity, byte[] gzip, byte[] brotli, String contentType, String etag, Instant lastModified,
                Set<String> keys) {
        int weight() {
            return identity.length + gzip.length + (brotli == null ? 0 : brotli.length);
        }
    }

    private final boolean enabled;
    private final Clock clock;
    private final String cacheControl;
    private final Cache<String, Page> pages;
    private final ConcurrentHashMap<String, Set<String>> pathsByKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Page>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final boolean brotli;

    /**
     * @param enabled  false serves every request from its handler (for measuring the uncached path)
     * @param maxBytes memory budget for stored pages, all encodings counted
     * @param sharedMaxAgeSeconds how long a CDN may keep a page ({@code s-maxage})
     */
    public PageCache(boolean enabled, long maxBytes, int sharedMaxAgeSeconds, Clock clock, MeterRegistry metrics) {
        this(enabled, maxBytes, sharedMaxAgeSeconds, clock, metrics, ForkJoinPool.commonPool());
    }

    /** @param removalWork where the cache runs its removal notices, which arrive after the removal itself (tests run them by hand) */
    PageCache(boolean enabled, long maxBytes, int sharedMaxAgeSeconds, Clock clock, MeterRegistry metrics, Executor removalWork) {
        this.enabled = enabled;
        this.clock = clock;
        this.cacheControl = "public, max-age=0, must-revalidate, s-maxage=" + sharedMaxAgeSeconds
                + ", stale-while-revalidate=" + (sharedMaxAgeSeconds * 10) + ", stale-if-error=86400";
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String path, Page page) -> page.weight())
                .executor(removalWork)
                .removalListener((String path, Page page, RemovalCause cause) -> {
                    if (page != null && cause != RemovalCause.REPLACED) {
                        forget(path, page.keys());
                    }
                })
                .recordStats()
                .build();
        this.brotli = loadBrotli();
        if (metrics != null) {
            CaffeineCacheMetrics.monitor(metrics, pages, "pages");
        }
    }

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) {
            log.info("brotli is not available on this platform; pages are served with gzip only ({})", e.toString());
            return false;
        }
    }

    /** Declares what the page being rendered shows, so that a change to any of these drops it. */
    public static void depends(Context ctx, String... keys) {
        Set<String> set = ctx.attribute(DEPENDS);
        if (set == null) {
            set = new HashSet<>();
            ctx.attribute(DEPENDS, set);
        }
        set.addAll(Arrays.asList(keys));
    }

    /** What the page served for this request depends on (declared when rendered, or remembered in the cache). */
    public static Set<String> dependencies(Context ctx) {
        Set<String> keys = ctx.attribute(DEPENDS);
        return keys == null ? Set.of() : keys;
    }

    /** Wraps a public GET handler so its pages are served from the cache. */
    public Handler cached(Handler handler) {
        return ctx -> {
            if (!enabled || !"GET".equals(ctx.method().name())) {
                handler.handle(ctx);
                return;
            }
            String path = cacheKey(ctx);
            Page page = pages.getIfPresent(path);
            if (page != null) {
                ctx.header("X-Cache", "HIT");
            } else {
                page = renderOnce(path, handler, ctx);
                if (page == null) {
                    return; // the handler answered this request itself (not cacheable)
                }
                ctx.header("X-Cache", "MISS");
            }
            ctx.attribute(DEPENDS, page.keys());
            send(ctx, page);
        };
    }

    private Page renderOnce(String path, Handler handler, Context ctx) throws Exception {
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> running = inFlight.putIfAbsent(path, mine);
        if (running != null) {
            Page page = running.join();
            if (page == null) {
                handler.handle(ctx);
            }
            return page;
        }
        Page page = null;
        try {
            long before = generation.get();
            handler.handle(ctx);
            page = capture(ctx);
            if (page != null) {
                // Stored, then indexed: a late removal notice for an older page at this path (see forget) can
                // then never strip the new page's index entries.
                pages.put(path, page);
                index(path, page);
                if (generation.get() != before) {
                    pages.invalidate(path); // changed while we rendered: serve it once, never keep it
                }
            }
            return page;
        } finally {
            mine.complete(page);
            inFlight.remove(path, mine);
        }
    }

    private Page capture(Context ctx) {
        Set<String> keys = ctx.attribute(DEPENDS);
        if (keys == null || ctx.statusCode() != 200 || ctx.resultInputStream() == null
                || ctx.res().getHeader("Set-Cookie") != null) {
            return null;
        }
        byte[] identity = rendered(ctx);
        String contentType = ctx.res().getContentType() == null ? "text/html; charset=utf-8" : ctx.res().getContentType();
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(identity)) + Integer.toHexString(identity.length) + "\"";
        return new Page(identity, gzip(identity), brotli ? brotli(identity) : null, contentType, etag,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), Set.copyOf(keys));
    }

    /** The bytes the handler rendered (pages are rendered as UTF-8 bytes, so nothing is encoded here). */
    private static byte[] rendered(Context ctx) {
        try (InputStream in = ctx.resultInputStream()) {
            byte[] bytes = in.readAllBytes();
            ctx.result(bytes); // the stream is spent; the answer still needs it if the page is not kept
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(Context ctx, Page page) {
        Reply reply = reply(page, ctx.header("Accept-Encoding"), ctx.header("If-None-Match"), ctx.header("If-Modified-Since"));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("ETag", reply.etag());
        ctx.header("Last-Modified", reply.lastModified());
        ctx.status(reply.status());
        if (reply.status() == 200) {
            ctx.contentType(reply.contentType());
            if (reply.contentEncoding() != null) {
                ctx.header("Content-Encoding", reply.contentEncoding());
            }
        }
        ctx.result(reply.body());
    }

    /**
     * A stored page's answer to one request, independent of the HTTP layer: what {@link #lookup} hands to
     * a server that answers cache hits before the web framework runs.
     *
     * @param contentEncoding {@code br}, {@code gzip} or null for the identity encoding
     * @param keys            what the page shows (e.g. {@code article:12}), for counting reads
     */
    public record Reply(int status, String contentType, String contentEncoding, String etag, String lastModified,
                        String cacheControl, byte[] body, Set<String> keys) {
    }

    /** The stored page for this path (and {@code page} parameter, or null), answered for these request headers. */
    public java.util.Optional<Reply> lookup(String path, String pageParam, String acceptEncoding, String ifNoneMatch,
                                            String ifModifiedSince) {
        if (!enabled) {
            return java.util.Optional.empty();
        }
        Page page = pages.getIfPresent(pageParam == null ? path : path + "?page=" + pageParam);
        return page == null ? java.util.Optional.empty()
                : java.util.Optional.of(reply(page, acceptEncoding, ifNoneMatch, ifModifiedSince));
    }

    private Reply reply(Page page, String accept, String ifNoneMatch, String ifModifiedSince) {
        boolean br = page.brotli() != null && accepts(accept, "br");
        boolean gz = !br && accepts(accept, "gzip");
        String etag = br ? variant(page.etag(), "br") : gz ? variant(page.etag(), "gz") : page.etag();
        String lastModified = HTTP_DATE.format(page.lastModified());
        if (notModified(ifNoneMatch, ifModifiedSince, etag, page.lastModified())) {
            return new Reply(304, page.contentType(), null, etag, lastModified, cacheControl, new byte[0], page.keys());
        }
        byte[] body = br ? page.brotli() : gz ? page.gzip() : page.identity();
        return new Reply(200, page.contentType(), br ? "br" : gz ? "gzip" : null, etag, lastModified, cacheControl, body,
                page.keys());
    }

    /** Each encoding is a different representation, so it gets its own strong validator. */
    private static String variant(String etag, String coding) {
        return etag.substring(0, etag.length() - 1) + "-" + coding + "\"";
    }

    private static boolean notModified(String ifNoneMatch, String since, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                    .anyMatch(t -> t.equals(etag) || t.equals("W/" + etag) || t.equals("*"));
        }
        if (since != null) {
            try {
                return !lastModified.isAfter(Instant.from(HTTP_DATE.parse(since)));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            if (pieces[0].strip().equalsIgnoreCase(coding)) {
                return pieces.length < 2 || !pieces[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** Drops every stored page that depends on any of these keys. */
    public void invalidate(Collection<String> keys) {
        generation.incrementAndGet();
        for (String key : keys) {
            Set<String> paths = pathsByKey.remove(key);
            if (paths != null) {
                pages.invalidateAll(paths);
            }
        }
    }

    public void invalidate(String... keys) {
        invalidate(List.of(keys));
    }

    /** Drops everything (site-wide changes such as the section tree or site name). */
    public void invalidateAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
        pathsByKey.clear();
    }

    /** Number of pages stored now; for tests and metrics. */
    public long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    private void index(String path, Page page) {
        for (String key : page.keys()) {
            // Added inside the map's lock: a concurrent forget may drop an emptied set, and a path added to it
            // afterwards would be lost.
            pathsByKey.compute(key, (k, paths) -> {
                Set<String> set = paths == null ? ConcurrentHashMap.newKeySet() : paths;
                set.add(path);
                return set;
            });
        }
    }

    /**
     * Drops a removed page's path from the index. The notice arrives after the removal, on another thread,
     * possibly after a newer page was stored at the same path: that page's keys stay indexed, or an
     * invalidation would miss it and its stale copy would be served until evicted.
     */
    private void forget(String path, Set<String> keys) {
        for (String key : keys) {
            pathsByKey.computeIfPresent(key, (k, paths) -> {
                Page current = pages.asMap().get(path);
                if (current == null || !current.keys().contains(k)) {
                    paths.remove(path);
                }
                return paths.isEmpty() ? null : paths;
            });
        }
    }

    /**
     * The path plus the one query parameter public pages vary on ({@code page}). Every other parameter
     * (tracking tags, a comment's {@code held} token read by a script) leaves the shared page as it is.
     */
    private static String cacheKey(Context ctx) {
        String page = ctx.queryParam("page");
        return page == null ? ctx.path() : ctx.path() + "?page=" + page;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] bytes) {
        try {
            return Encoder.compress(bytes, new Encoder.Parameters().setQuality(9));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
