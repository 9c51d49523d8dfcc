package org.broadsheet.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache in front of real handlers on a real server. */
class PageCacheTest {

    private final AtomicInteger renders = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdRenders;
    private PageCache cache;
    private Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        cache = new PageCache(true, 1 << 20, 60, Clock.systemUTC(), null);
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/page/{n}", cache.cached(ctx -> {
                renders.incrementAndGet();
                if (holdRenders) {
                    release.await(10, TimeUnit.SECONDS);
                }
                PageCache.depends(ctx, "page:" + ctx.pathParam("n"));
                ctx.html("<p>page " + ctx.pathParam("n") + " render " + renders.get() + "</p>");
            }));
            cfg.routes.get("/personal", cache.cached(ctx -> {
                renders.incrementAndGet();
                PageCache.depends(ctx, "personal");
                ctx.cookie("who", "reader-1");
                ctx.html("<p>hello reader</p>");
            }));
            cfg.routes.get("/undeclared", cache.cached(ctx -> {
                renders.incrementAndGet();
                ctx.html("<p>no dependencies declared</p>");
            }));
        }).start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void secondRequestIsServedFromMemoryWithValidators() throws Exception {
        HttpResponse<byte[]> first = get("/page/1");
        HttpResponse<byte[]> second = get("/page/1");
        assertThat(renders.get()).isEqualTo(1);
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("<p>page 1 render 1</p>");
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow()).contains("s-maxage=60", "stale-while-revalidate");
        assertThat(second.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String etag = second.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/page/1", "If-None-Match", etag).statusCode()).isEqualTo(304);
        String lastModified = second.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get("/page/1", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    }

    @Test
    void onlyThePageParameterMakesADifferentPage() throws Exception {
        get("/page/3");
        assertThat(get("/page/3?utm_source=feed&held=abc").headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(get("/page/3?page=2").headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(renders.get()).isEqualTo(2);
    }

    @Test
    void compressedOnceAndNegotiated() throws Exception {
        get("/page/2");
        HttpResponse<byte[]> gz = get("/page/2", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<p>page 2 render 1</p>");
        }
        HttpResponse<byte[]> br = get("/page/2", "Accept-Encoding", "gzip, br");
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(br.headers().firstValue("ETag")).isNotEqualTo(gz.headers().firstValue("ETag"));
        assertThat(renders.get()).isEqualTo(1);
    }

    @Test
    void aLateRemovalNoticeForAnOldPageDoesNotHideItsSuccessorFromInvalidation() throws Exception {
        Deque<Runnable> notices = new ArrayDeque<>();
        PageCache byHand = new PageCache(true, 1 << 20, 60, Clock.systemUTC(), null, notices::add);
        Javalin site = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/story", byHand.cached(ctx -> {
                PageCache.depends(ctx, "article:1");
                ctx.html("<p>render " + renders.incrementAndGet() + "</p>");
            }));
        }).start(0);
        try {
            String url = "http://localhost:" + site.port() + "/story";
            Supplier<String> read = () -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThat(read.get()).contains("render 1");
            byHand.invalidate("article:1"); // a comment approved: the first page goes, its notice waits
            assertThat(read.get()).contains("render 2");
            while (!notices.isEmpty()) {
                notices.poll().run(); // the old page's notice arrives after its successor was stored
            }
            byHand.invalidate("article:1"); // the reader's own reply
            assertThat(read.get()).contains("render 3");
        } finally {
            site.stop();
        }
    }

    @Test
    void invalidationDropsOnlyDependentPages() throws Exception {
        get("/page/1");
        get("/page/2");
        cache.invalidate("page:1");
        assertThat(get("/page/1").headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(get("/page/2").headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(renders.get()).isEqualTo(3);
    }

    @Test
    void coldPageUnderAHerdIsRenderedOnce() throws Exception {
        holdRenders = true;
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> get("/page/9")));
            }
            awaitRenderStarted();
            release.countDown();
            for (Future<HttpResponse<byte[]>> a : answers) {
                HttpResponse<byte[]> r = a.get(20, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>page 9 render 1</p>");
            }
            assertThat(renders.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitRenderStarted() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (renders.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(renders.get()).isEqualTo(1);
    }

    @Test
    void pagesThatSetACookieOrDeclareNothingAreNeverShared() throws Exception {
        get("/personal");
        HttpResponse<byte[]> again = get("/personal");
        assertThat(again.headers().firstValue("X-Cache")).isEmpty();
        get("/undeclared");
        get("/undeclared");
        assertThat(renders.get()).isEqualTo(4);
        assertThat(cache.size()).isZero();
    }
}
