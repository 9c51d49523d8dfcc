package org.broadsheet.web;

import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uptime monitors, crawlers and feed readers ask with HEAD: every public route answers it as it answers GET
 * (status, type, length, redirect target), with no body, from the page cache's fast path as from Javalin,
 * and a HEAD is never counted as a read.
 */
class HeadRequestsTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/13%d.0.0.0 Safari/537.36";

    @TempDir
    static Path dir;
    private static SiteTour site;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        site = new SiteTour(dir, RankingSettings.ViewCounting.SERVER);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyPublicRouteAnswersHeadAsItAnswersGetWithoutABody() {
        Map<String, String> routes = new LinkedHashMap<>(site.publicPages());
        routes.putAll(site.publicFiles());
        routes.put("trailing-slash redirect", site.publicPages().get("section").replaceAll("/$", ""));
        routes.put("a list page not cached yet", site.publicPages().get("section") + "?page=1");
        routes.put("sign-in", "/newsroom/sign-in");
        routes.put("staff screen, signed out", "/newsroom/articles");

        routes.forEach((name, path) -> {
            HttpResponse<byte[]> get = get(path);
            RawHttp.Answer head = RawHttp.send(site.app.port(), "HEAD", path);

            assertThat(head.status()).as(name).isEqualTo(get.statusCode()).isNotEqualTo(403);
            assertThat(head.body()).as(name + ": HEAD has no body").isEmpty();
            assertThat(head.header("Content-Type")).as(name).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.header("Location")).as(name).isEqualTo(get.headers().firstValue("Location"));
            head.header("Content-Length").ifPresent(length ->
                    assertThat(Integer.parseInt(length)).as(name + ": Content-Length").isEqualTo(get.body().length));
        });
    }

    @Test
    void cachedPagesAnswerHeadFromTheFastPathWithTheirLength() {
        for (String type : List.of("home", "section", "tag", "author", "article")) {
            String path = site.publicPages().get(type);
            HttpResponse<byte[]> get = get(path);
            RawHttp.Answer head = RawHttp.send(site.app.port(), "HEAD", path);

            assertThat(head.status()).as(type).isEqualTo(200);
            assertThat(head.header("X-Cache")).as(type).hasValue("HIT");
            assertThat(head.header("Content-Type")).as(type).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(head.header("Content-Length")).as(type).hasValue(Integer.toString(get.body().length));
            assertThat(head.header("ETag")).as(type).isEqualTo(get.headers().firstValue("ETag"));
            assertThat(head.body()).as(type).isEmpty();
        }
    }

    @Test
    void aHeadIsNotARead() {
        long id = site.publish("Ferry timetable changes for winter", null);
        String path = site.app.articles().url(site.app.articles().findById(id).orElseThrow());
        // A page rendered while its related list is still being computed is served but not kept.
        org.broadsheet.Await.until("the new article's related list is computed", site.app.search()::idle, java.time.Duration.ofSeconds(30));

        RawHttp.Answer rendered = RawHttp.send(site.app.port(), "HEAD", path, "User-Agent: " + BROWSER.formatted(1));
        RawHttp.Answer read = RawHttp.send(site.app.port(), "GET", path, "User-Agent: " + BROWSER.formatted(2));
        RawHttp.Answer fromCache = RawHttp.send(site.app.port(), "HEAD", path, "User-Agent: " + BROWSER.formatted(3));
        site.app.ranking().flushNow();

        assertThat(rendered.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(fromCache.header("X-Cache")).hasValue("HIT");
        assertThat(site.app.ranking().store().total(id)).isEqualTo(1);
    }

    private HttpResponse<byte[]> get(String path) {
        return org.broadsheet.TestApp.send(http, HttpRequest.newBuilder(URI.create(site.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
