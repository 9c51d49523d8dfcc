package org.broadsheet.web;

import org.broadsheet.App;
import org.broadsheet.StaffClient;
import org.broadsheet.TestApp;
import org.broadsheet.account.AccountService;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Section;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.comment.ModerationPolicy;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo site plus one fresh article (open for comments, with a stored photo and an approved reader's
 * comment) and an admin, with the address of one page of every type, public and staff. One per test class:
 * loading the demo takes a few seconds.
 */
final class SiteTour implements AutoCloseable {

    static final String ADMIN_EMAIL = "ada@example.com";
    static final String ADMIN_PASSWORD = "correct horse battery staple";

    final MutableClock clock = new MutableClock(TestApp.NOW);
    final App app;
    final long articleId;
    final String articleUrl;
    final String mediaPath;
    final long commentId;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SiteTour(Path dir, RankingSettings.ViewCounting counting) {
        Settings settings = Settings.forTest(dir, null).withDemo(true).withRanking(RankingSettings.DEFAULTS.withCounting(counting));
        app = App.start(settings, clock, CommentSettings.defaults().withTiming(Duration.ofSeconds(15), Duration.ZERO, 14)
                .withPolicy(ModerationPolicy.APPROVE_ALL));
        MediaLibrary media = new MediaLibrary(app.database().jdbi(), settings.mediaDir(), clock);
        MediaLibrary.StoredImage photo = media.store(TestImages.png(800, 450));
        mediaPath = "/media/" + photo.fileName();
        articleId = publish("Harbour bridge reopens after repairs", photo.id());
        articleUrl = app.articles().url(app.articles().findById(articleId).orElseThrow());
        new AccountService(app.database().jdbi(), clock).addUser(ADMIN_EMAIL, "Ada Admin", Role.ADMIN, ADMIN_PASSWORD);
        commentId = postComment("The detour was long; glad it is over.");
    }

    /** Publishes an article an hour ago (open for comments), its body showing the stored photo; returns its id. */
    long publish(String headline, Long leadMediaId) {
        ArticleService articles = app.articles();
        Section section = articles.sections().topLevel().get(0);
        return articles.importPublished(List.of(new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null,
                headline, "The bridge is open again.",
                "Traffic crossed at dawn.\n\n![The bridge at dawn](" + mediaPath + ")\n\nRepairs took a year.", leadMediaId,
                "The bridge", "Cars cross the bridge.", "A. Photographer", List.of("Rita Reporter"), List.of("Bridges"), null),
                clock.instant().minus(Duration.ofHours(1))))).get(0);
    }

    String base() {
        return "http://localhost:" + app.port();
    }

    /** One address of every public page type, by name. */
    Map<String, String> publicPages() {
        ArticleService articles = app.articles();
        Article article = articles.findById(articleId).orElseThrow();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("section", article.section().url());
        pages.put("tag", article.tags().get(0).url());
        pages.put("author", article.bylines().get(0).url());
        pages.put("article", articleUrl);
        long demo = articles.publishedIds().stream().filter(id -> id != articleId).findFirst().orElseThrow();
        pages.put("demo article", articles.url(articles.findById(demo).orElseThrow()));
        pages.put("search", "/search?q=fire");
        pages.put("comment page", "/comments/on/" + articleId);
        pages.put("404", "/no-such-page/");
        return pages;
    }

    /** One address of every other public route type: feeds, sitemaps, robots, assets, media, health. */
    Map<String, String> publicFiles() {
        Document home = page("/");
        Document article = page(articleUrl);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rss", "/feed.xml");
        files.put("atom", "/atom.xml");
        files.put("section feed", app.articles().findById(articleId).orElseThrow().section().url() + "feed.xml");
        files.put("sitemap index", "/sitemap.xml");
        files.put("news sitemap", "/news-sitemap.xml");
        String part = Jsoup.parse(get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser()).select("sitemap > loc").first().text();
        files.put("sitemap part", URI.create(part).getPath());
        files.put("robots", "/robots.txt");
        files.put("stylesheet", home.select("link[rel=stylesheet]").attr("href"));
        files.put("comment script", article.select("script[src*=comments]").attr("src"));
        files.put("svg icon", home.select("link[rel=icon]").attr("href"));
        files.put("favicon", "/favicon.ico");
        files.put("media", mediaPath);
        files.put("comment token", "/comments/token?article=" + articleId);
        files.put("health", "/healthz");
        return files;
    }

    /** Every staff screen an admin can open with GET. */
    List<String> staffPages() {
        return List.of("/newsroom", "/newsroom/articles", "/newsroom/articles/new", "/newsroom/articles/" + articleId,
                "/newsroom/articles/" + articleId + "/revisions", "/newsroom/users", "/newsroom/comments",
                "/newsroom/comments/" + commentId, "/newsroom/comment-settings");
    }

    StaffClient admin() {
        return StaffClient.signedIn(this::base, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return TestApp.send(http, request, HttpResponse.BodyHandlers.ofString());
    }

    Document page(String path) {
        return Jsoup.parse(get(path).body(), base());
    }

    private long postComment(String text) {
        String token = get("/comments/token?article=" + articleId).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", Long.toString(articleId));
        form.put("parent", "0");
        form.put("comment", text);
        form.put("author", "Rob Reader");
        form.put("email", "rob@example.org");
        form.put("url", "");
        form.put("homepage", "");
        form.put("token", token);
        form.put("key", "");
        form.put("js", "");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = send(TestApp.formPost(URI.create(base() + "/comments"), body.toString(), base()));
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("comment refused: " + r.body()));
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    @Override
    public void close() {
        app.close();
    }
}
