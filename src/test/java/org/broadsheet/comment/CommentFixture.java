package org.broadsheet.comment;

import org.broadsheet.App;
import org.broadsheet.StaffClient;
import org.broadsheet.TestApp;
import org.broadsheet.account.AccountService;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Section;
import org.broadsheet.config.Settings;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One running Broadsheet for comment tests: real server on a random port, real migrated SQLite file (or the
 * given PostgreSQL URL), a mutable clock, and the editor "Edna Editor", a real account signed in over HTTP on
 * first use ({@link #staff()}). Close it after use.
 */
final class CommentFixture implements AutoCloseable {

    static final String STAFF_EMAIL = "edna@example.com";
    static final String STAFF_PASSWORD = "correct horse battery staple";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    final App app;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Section section;
    private StaffClient staff;

    CommentFixture(Path dir, CommentSettings settings) {
        this(dir, settings, null);
    }

    CommentFixture(Path dir, CommentSettings settings, String jdbcUrl) {
        this(Settings.forTest(dir, jdbcUrl), settings);
    }

    CommentFixture(Settings site, CommentSettings settings) {
        app = App.start(site, clock, settings);
        section = app.articles().createSection(null, "news-" + Math.abs(System.nanoTime() % 100000), "News", "", 1);
    }

    /** Settings for tests: default rules, but no minimum fill-in time and approve-all unless changed. */
    static CommentSettings settings() {
        return CommentSettings.defaults().withTiming(Duration.ofSeconds(15), Duration.ZERO, 14);
    }

    String base() {
        return "http://localhost:" + app.port();
    }

    /** Publishes an article (an hour ago by the test clock) and returns its id. */
    long article(String headline) {
        return article(headline, clock.instant().minus(Duration.ofHours(1)));
    }

    long article(String headline, Instant publishedAt) {
        ArticleService a = app.articles();
        return a.importPublished(List.of(new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null, headline,
                "What happened.", "Paragraph one.\n\nParagraph two.", null, null, null, null, List.of("A Reporter"), List.of(), null),
                publishedAt))).get(0);
    }

    String articleUrl(long id) {
        return app.articles().url(app.articles().findById(id).orElseThrow());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path)).GET().build());
    }

    /** The editor's client, signed in with the newsroom's real sign-in; it sends the newsroom's CSRF token on posts. */
    StaffClient staff() {
        if (staff == null) {
            editorAccount();
            staff = StaffClient.signedIn(this::base, STAFF_EMAIL, STAFF_PASSWORD);
        }
        return staff;
    }

    /** Creates the editor's account ({@link #STAFF_EMAIL}, {@link #STAFF_PASSWORD}) unless it exists. */
    void editorAccount() {
        AccountService accounts = new AccountService(app.database().jdbi(), clock);
        if (accounts.users().stream().noneMatch(u -> u.email().equals(STAFF_EMAIL))) {
            accounts.addUser(STAFF_EMAIL, "Edna Editor", Role.EDITOR, STAFF_PASSWORD);
        }
    }

    Document page(String path) {
        return Jsoup.parse(get(path).body(), base());
    }

    Document staffPage(String path) {
        return Jsoup.parse(staff().get(path).body(), base());
    }

    /** A fresh signed form token, as the page script fetches it when the form is shown. */
    String token(long articleId) {
        HttpResponse<String> r = get("/comments/token?article=" + articleId);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token: " + r.statusCode());
        }
        return r.body();
    }

    /** A valid comment form for the article; change fields with {@link Map#put}. */
    Map<String, String> form(long articleId, String body, String name, String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("article", Long.toString(articleId));
        f.put("parent", "0");
        f.put("comment", body);
        f.put("author", name);
        f.put("email", email);
        f.put("url", "");
        f.put("homepage", "");
        f.put("token", token(articleId));
        f.put("key", "");
        f.put("js", "");
        return f;
    }

    HttpResponse<String> post(Map<String, String> fields) {
        return postRaw("/comments", encode(fields), base());
    }

    /** Posts a staff form as the signed-in editor, with the CSRF token of the last staff page. */
    HttpResponse<String> staffPost(String path, Map<String, String> fields) {
        return staff().post(path, fields);
    }

    HttpResponse<String> postRaw(String path, String body, String origin) {
        return send(TestApp.formPost(URI.create(base() + path), body, origin));
    }

    HttpResponse<String> postBytes(byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static String encode(Map<String, String> fields) {
        return StaffClient.encode(fields);
    }

    HttpResponse<String> send(HttpRequest request) {
        return TestApp.send(http, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The comment id from a 303's Location (…#comment-ID). */
    static long commentId(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    @Override
    public void close() {
        app.close();
    }
}
