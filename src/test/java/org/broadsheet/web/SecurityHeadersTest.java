package org.broadsheet.web;

import org.broadsheet.App;
import org.broadsheet.StaffClient;
import org.broadsheet.TestApp;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer carries the security headers: pages (rendered and from the page cache's fast path),
 * feeds, sitemaps, robots, assets, media, errors, 304s, redirects and every staff screen; and no page needs
 * an inline script or style that the policy would block.
 */
class SecurityHeadersTest {

    @TempDir
    static Path dir;
    private static SiteTour site;

    @BeforeAll
    static void start() {
        site = new SiteTour(dir, RankingSettings.ViewCounting.SERVER);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyPublicAnswerCarriesTheReadersPolicy() {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        site.publicPages().forEach((name, path) -> {
            answers.put(name, site.get(path));
            answers.put(name + " again (page cache)", site.get(path));
        });
        site.publicFiles().forEach((name, path) -> answers.put(name, site.get(path)));
        HttpResponse<String> home = site.get("/");
        answers.put("304 from the fast path", conditional("/", home.headers().firstValue("ETag").orElseThrow()));
        String css = site.publicFiles().get("stylesheet");
        answers.put("304 of an asset", conditional(css, site.get(css).headers().firstValue("ETag").orElseThrow()));
        answers.put("trailing-slash redirect", site.get(site.publicPages().get("section").replaceAll("/$", "")));
        answers.put("comment post", site.send(TestApp.formPost(URI.create(site.base() + "/comments"), "article=x", site.base())));

        assertThat(answers.get("home again (page cache)").headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(answers.get("304 from the fast path").statusCode()).isEqualTo(304);
        assertThat(answers.get("304 of an asset").statusCode()).isEqualTo(304);
        assertThat(answers.get("trailing-slash redirect").statusCode()).isEqualTo(301);
        assertThat(answers.get("404").statusCode()).isEqualTo(404);
        assertThat(answers.get("comment post").statusCode()).isEqualTo(400);
        answers.forEach((name, r) -> {
            assertCommonHeaders(name, r);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            if (name.equals("media")) {
                assertThat(csp).as(name).contains("default-src 'none'", "sandbox");
            } else {
                assertThat(csp).as(name).contains("frame-ancestors 'self'", "object-src 'none'", "form-action 'self'");
                assertThat(r.headers().firstValue("X-Frame-Options")).as(name).hasValue("SAMEORIGIN");
            }
        });
    }

    @Test
    void everyStaffScreenCannotBeFramedAtAll() {
        StaffClient admin = site.admin();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("sign-in", site.get("/newsroom/sign-in"));
        answers.put("signed-out redirect", site.get("/newsroom/articles"));
        for (String path : site.staffPages()) {
            answers.put(path, admin.get(path));
        }

        answers.forEach((name, r) -> {
            assertThat(r.statusCode()).as(name).isIn(200, 302);
            assertCommonHeaders(name, r);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).as(name)
                    .contains("frame-ancestors 'none'", "script-src 'self'", "object-src 'none'", "form-action 'self'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(name).hasValue("DENY");
        });
    }

    @Test
    void noPageNeedsAnInlineScriptOrStyle() {
        StaffClient admin = site.admin();
        List<Document> pages = new ArrayList<>();
        site.publicPages().values().forEach(path -> pages.add(site.page(path)));
        site.staffPages().forEach(path -> pages.add(Jsoup.parse(admin.get(path).body(), site.base())));

        for (Document page : pages) {
            String where = page.title();
            for (Element script : page.select("script")) {
                assertThat(script.hasAttr("src") || script.attr("type").equals("application/ld+json"))
                        .as(where + ": " + script.outerHtml()).isTrue();
            }
            assertThat(page.select("style, [style]")).as(where).isEmpty();
            assertThat(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on") || a.getValue().trim().startsWith("javascript:")).toList())
                    .as(where).isEmpty();
        }
    }

    @Test
    void strictTransportSecurityOnlyWhenThePublicAddressIsHttps(@TempDir Path other) {
        assertThat(site.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();

        Settings https = new Settings(0, other, null, false, "Broadsheet", "https://news.example.com");
        try (App secure = App.start(https, Clock.fixed(TestApp.NOW, ZoneOffset.UTC))) {
            HttpResponse<String> health = site.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secure.port() + "/healthz")).build());
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        }
    }

    private static HttpResponse<String> conditional(String path, String etag) {
        return site.send(HttpRequest.newBuilder(URI.create(site.base() + path)).header("If-None-Match", etag).GET().build());
    }

    private static void assertCommonHeaders(String name, HttpResponse<String> r) {
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(name).hasValue("strict-origin-when-cross-origin");
        assertThat(r.headers().firstValue("Permissions-Policy")).as(name).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(r.headers().firstValue("Cross-Origin-Opener-Policy")).as(name).hasValue("same-origin");
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(name)
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'", "base-uri 'none'"));
        assertThat(r.headers().allValues("Content-Security-Policy")).as(name).hasSize(1);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).as(name).isEmpty();
    }
}
