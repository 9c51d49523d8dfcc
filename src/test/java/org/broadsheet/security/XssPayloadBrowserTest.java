package org.broadsheet.security;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import org.broadsheet.App;
import org.broadsheet.StaffClient;
import org.broadsheet.TestApp;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.SessionAuthenticator;
import org.broadsheet.article.Article;
import org.broadsheet.article.Section;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.comment.ModerationPolicy;
import org.broadsheet.config.Settings;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11.6: every payload of the committed corpus is stored through the real HTTP routes in every field a reader
 * or a staff member can fill in (and, where no route exists, in section names and descriptions and author bios
 * through the services), then every page that shows it, public and newsroom, is loaded in headless Chromium with
 * {@link ScriptTrap} watching. Reflected fields (search, sign-in, invalid comment and editor forms, preview) are
 * sent many payloads per request. One failure list names the page, the URL and the payload number.
 */
class XssPayloadBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern MEDIA = Pattern.compile("name=\"leadMediaId\" value=\"(\\d+)\"");

    @TempDir
    Path dir;

    private final XssPayloads payloads = XssPayloads.load();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> refused = new ArrayList<>();
    /** Payloads in groups that fit a headline with " (v2)" added: one article, section, comment and user each. */
    private final List<List<String>> groups = payloads.groups(190, 0);
    private App app;
    private StaffClient staff;
    private ScriptTrap trap;

    @Test
    void noPayloadRunsOnAnyPageThatShowsIt() {
        assertThat(payloads.size()).isGreaterThanOrEqualTo(200);
        CommentSettings comments = CommentSettings.defaults().withPolicy(ModerationPolicy.APPROVE_ALL)
                .withTiming(Duration.ZERO, Duration.ZERO, 0);
        app = App.start(Settings.forTest(dir, null), clock, comments);
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(Paths.get("/usr/bin/chromium"))
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            new AccountService(app.database().jdbi(), clock).addUser("admin@example.com", "Ada Admin", Role.ADMIN, PASSWORD);
            staff = StaffClient.signedIn(this::base, "admin@example.com", PASSWORD);
            trap = new ScriptTrap(browser.newContext(), base());
            trap.context().addCookies(List.of(new Cookie(SessionAuthenticator.COOKIE, staff.sessionCookie())
                    .setDomain("localhost").setPath("/")));

            List<Long> articles = storeArticles();
            long host = articles.get(0);
            List<Long> commentIds = storeComments(host);
            for (int k = 0; k < groups.size(); k++) {
                staff.post("/newsroom/users", Map.of("email", "u" + k + "@example.com", "name", String.join("", groups.get(k)),
                        "role", "contributor"));
            }
            app.database().jdbi().useHandle(h -> h.execute("UPDATE authors SET bio = name || ' ' || name"));

            checkArticlePages(articles);
            checkLists(host, commentIds);
            checkReflected(host);
            System.out.printf("XSS corpus: %d payloads, %d page loads, fields refused by validation: %d%n",
                    payloads.size(), trap.loads(), refused.size());
            assertThat(trap.failures()).as("scripts that ran or could run").isEmpty();
        } finally {
            app.close();
        }
    }

    private String base() {
        return "http://localhost:" + app.port();
    }

    /**
     * One article per group of payloads (as many as fit a headline): every editor field holds the group (list fields
     * one payload an item), with a photo and a section named after the group, published and then revised once.
     */
    private List<Long> storeArticles() {
        long media = uploadPhoto();
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            String joined = String.join("", groups.get(k));
            Section section = app.articles().createSection(null, "x" + (k + 1), joined, joined, 100 + k);
            Map<String, String> form = editorForm(groups.get(k), section.id(), media);
            form.put("slug", "g" + (k + 1));
            HttpResponse<String> r = staff.post("/newsroom/articles", form);
            if (r.statusCode() == 422) {
                trap.render("editor form with problems, group " + (k + 1), base(), r.body(), htmlHeaders(r));
                refused.add("article " + (k + 1));
                form.put("sourceUrl", "");
                form.put("sourceLicenceUrl", "");
                // The editor refuses invisible control characters (they break XML feeds); the rest of each payload is stored.
                form.replaceAll(XssPayloadBrowserTest::withoutControlCharacters);
                r = staff.post("/newsroom/articles", form);
            }
            assertThat(r.statusCode()).as("group %d: %s", k + 1, r.body()).isEqualTo(303);
            long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            form.put("headline", form.get("headline") + " (v2)");
            form.put("body", "A new first paragraph.\n\n" + form.get("body"));
            form.put("version", version(id));
            assertThat(staff.post("/newsroom/articles/" + id, form).statusCode()).isEqualTo(303);
            assertThat(staff.post("/newsroom/articles/" + id + "/status", Map.of("action", "publish", "version", version(id))).statusCode())
                    .isEqualTo(303);
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, String> editorForm(List<String> group, long section, long media) {
        String joined = String.join("", group);
        StringBuilder body = new StringBuilder();
        for (String p : group) {
            body.append(p).append("\n\n<p>").append(p).append("</p>\n\n");
        }
        Map<String, String> m = new HashMap<>();
        m.put("headline", joined);
        m.put("section", Long.toString(section));
        m.put("standfirst", joined);
        m.put("body", body.toString());
        m.put("bylines", String.join("\n", group.stream().map(p -> cut(p, 120)).toList()));
        m.put("tags", String.join("\n", group.stream().map(p -> cut(p, 80)).toList()));
        m.put("leadMediaId", Long.toString(media));
        m.put("leadAlt", joined);
        m.put("leadCaption", joined);
        m.put("leadCredit", joined);
        m.put("sourceName", joined);
        m.put("sourceUrl", group.get(0));
        m.put("sourceLicence", joined);
        m.put("sourceLicenceUrl", group.get(group.size() - 1));
        return m;
    }

    /** The value without the characters the editor refuses: tab and line breaks are kept only in the body and standfirst. */
    private static String withoutControlCharacters(String field, String value) {
        boolean lines = field.equals("body") || field.equals("standfirst");
        boolean list = field.equals("bylines") || field.equals("tags");
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\t' || c == '\r' || c == '\n') {
                out.append(lines || list && c == '\n' ? Character.toString(c) : " ");
            } else if (c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && c != 0xFFFE && c != 0xFFFF
                    && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private String version(long id) {
        Matcher m = VERSION.matcher(staff.get("/newsroom/articles/" + id).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long uploadPhoto() {
        HttpResponse<String> r = Multipart.post(staff, "/newsroom/articles", Map.of("headline", "Photo holder", "section",
                Long.toString(app.articles().createSection(null, "photos", "Photos", "", 1).id()), "leadAlt", "Boats",
                "bylines", "Ann Writer"), "leadImage", "harbour.jpg", "image/jpeg", TestImages.jpegWithExif(1200, 800));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = MEDIA.matcher(staff.get(r.headers().firstValue("Location").orElseThrow()).body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** One approved comment per group (name and text; the website field only takes web addresses, so it gets the group URL-encoded). */
    private List<Long> storeComments(long articleId) {
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            String joined = String.join("", groups.get(k));
            String encoded = URLEncoder.encode(joined, StandardCharsets.UTF_8);
            Map<String, String> form = commentForm(articleId, String.join("\n\n", groups.get(k)), joined, "r" + k + "@example.org",
                    "https://example.org/" + encoded.substring(0, Math.min(150, encoded.length())));
            HttpResponse<String> r = postComment(form);
            if (r.statusCode() != 303) {
                trap.render("comment form with problems, group " + (k + 1), base(), r.body(), htmlHeaders(r));
                refused.add("comment " + (k + 1));
                form.put("url", "");
                form.put("author", form.get("author").replaceAll("\\p{Cntrl}", " "));
                form.put("token", get("/comments/token?article=" + articleId).body());
                r = postComment(form);
            }
            assertThat(r.statusCode()).as("group %d: %s", k + 1, r.body()).isEqualTo(303);
            Matcher m = Pattern.compile("#comment-(\\d+)").matcher(r.headers().firstValue("Location").orElseThrow());
            assertThat(m.find()).isTrue();
            ids.add(Long.parseLong(m.group(1)));
            clock.advance(Duration.ofSeconds(1));
        }
        return ids;
    }

    private Map<String, String> commentForm(long articleId, String body, String name, String email, String url) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("comment", body);
        m.put("author", name);
        m.put("email", email);
        m.put("url", url);
        m.put("homepage", "");
        m.put("article", Long.toString(articleId));
        m.put("parent", "0");
        m.put("token", get("/comments/token?article=" + articleId).body());
        return m;
    }

    private HttpResponse<String> postComment(Map<String, String> form) {
        return TestApp.send(http, TestApp.formPost(URI.create(base() + "/comments"), StaffClient.encode(form), base()),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) {
        return TestApp.send(http, java.net.http.HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void checkArticlePages(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String n = " of group " + (i + 1);
            Article a = app.articles().findById(ids.get(i)).orElseThrow();
            trap.check("article page" + n, base() + app.articles().url(a));
            trap.check("editor" + n, base() + "/newsroom/articles/" + a.id());
            trap.check("revisions diff" + n, base() + "/newsroom/articles/" + a.id() + "/revisions");
            trap.check("section page" + n, base() + "/x" + (i + 1) + "/");
            if (!a.tags().isEmpty()) {
                trap.check("tag page" + n, base() + "/tag/" + a.tags().get(0).slug() + "/");
            }
            if (!a.bylines().isEmpty()) {
                trap.check("author page" + n, base() + "/author/" + a.bylines().get(0).slug() + "/");
            }
        }
    }

    private void checkLists(long host, List<Long> commentIds) {
        trap.check("home page", base() + "/");
        trap.check("dashboard", base() + "/newsroom");
        trap.check("users", base() + "/newsroom/users");
        int articlePages = (groups.size() + 1) / 30 + 1;
        for (int p = 1; p <= articlePages; p++) {
            trap.check("newsroom article list", base() + "/newsroom/articles?page=" + p);
        }
        for (int p = 1; p <= commentIds.size() / 50 + 1; p++) {
            trap.check("comments page", base() + "/comments/on/" + host + "?page=" + p);
        }
        for (int p = 1; p <= commentIds.size() / 20 + 1; p++) {
            trap.check("comment queue", base() + "/newsroom/comments?status=approved&page=" + p);
        }
        for (int i = 0; i < commentIds.size(); i++) {
            trap.check("comment edit screen of group " + (i + 1), base() + "/newsroom/comments/" + commentIds.get(i));
        }
        for (String word : List.of("xss", "img", "script", "svg", "javascript")) {
            for (int p = 1; p <= 3; p++) {
                trap.check("search results for " + word, base() + "/search?q=" + word + "&page=" + p);
            }
        }
    }

    /** Reflected fields get many payloads per request. */
    private void checkReflected(long host) {
        for (String q : payloads.packed(1500, " ")) {
            trap.check("search query", base() + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + "&section=" + URLEncoder.encode(q.substring(0, Math.min(q.length(), 200)), StandardCharsets.UTF_8));
            trap.check("newsroom article filter", base() + "/newsroom/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        List<String> names = payloads.packed(245, "");
        List<String> emails = payloads.packed(100, "");
        List<String> urls = payloads.packed(200, "");
        List<String> bodies = payloads.packed(3000, "\n\n");
        for (int k = 0; k < emails.size(); k++) {
            Map<String, String> form = commentForm(host, bodies.get(k % bodies.size()), names.get(k % names.size()), emails.get(k),
                    urls.get(k % urls.size()));
            HttpResponse<String> r = postComment(form);
            trap.render("comment form with an invalid email", base(), r.body(), htmlHeaders(r));
        }
        for (String chunk : payloads.packed(300, "")) {
            StaffClient stranger = new StaffClient(this::base);
            HttpResponse<String> r = stranger.signIn(chunk, chunk);
            trap.render("sign-in with problems", base(), r.body(), htmlHeaders(r));
            trap.check("sign-in form next=", base() + "/newsroom/sign-in?next=" + URLEncoder.encode("/newsroom/" + chunk, StandardCharsets.UTF_8));
        }
        for (String headline : payloads.packed(200, "")) {
            HttpResponse<String> r = staff.post("/newsroom/preview", Map.of("headline", headline, "standfirst", headline,
                    "body", headline + "\n\n" + headline, "bylines", "Ann Writer", "tags", "Harbour", "section", "1", "leadCaption", headline));
            trap.render("preview", base(), r.body(), htmlHeaders(r));
        }
    }

    private static Map<String, String> htmlHeaders(HttpResponse<String> r) {
        Map<String, String> h = new HashMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("content-encoding") && !k.startsWith(":")) {
                h.put(k, String.join(", ", v));
            }
        });
        h.put("content-type", "text/html; charset=utf-8");
        return h;
    }
}
