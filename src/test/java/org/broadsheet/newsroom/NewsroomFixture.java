package org.broadsheet.newsroom;

import org.broadsheet.App;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.User;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.Section;
import org.broadsheet.article.Source;
import org.broadsheet.config.Settings;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A running Broadsheet on a temporary SQLite file with a mutable clock, one section, and helpers to
 * make staff accounts and sign them in over real HTTP.
 */
final class NewsroomFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final MutableClock clock;
    final Path dir;
    final Settings settings;
    App app;
    AccountService accounts;
    Section news;

    NewsroomFixture(Path dir) {
        this(dir, Settings.forTest(dir, null), new MutableClock(START));
    }

    NewsroomFixture(Path dir, Settings settings, MutableClock clock) {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
        start();
        news = app.articles().sections().byPath("news").orElseGet(() -> app.articles().createSection(null, "news", "News", "", 0));
    }

    void start() {
        app = App.start(settings, clock);
        accounts = new AccountService(app.database().jdbi(), clock);
    }

    void restart() {
        app.close();
        start();
    }

    String base() {
        return "http://localhost:" + app.port();
    }

    User user(String email, Role role) {
        return accounts.addUser(email, email.substring(0, email.indexOf('@')), role, PASSWORD);
    }

    Principal principal(User u) {
        return new Principal(u.id(), u.name(), u.email(), u.role(), "test");
    }

    ArticleDraft draft(String headline) {
        return new ArticleDraft(news.id(), null, headline, "A standfirst.", "First paragraph.\n\nSecond paragraph.", null, "", "", "",
                List.of("Ann Writer"), List.of("Tests"), Source.NONE);
    }

    Staff staff() {
        return new Staff();
    }

    Staff signedIn(User u) {
        Staff s = new Staff();
        HttpResponse<String> r = s.signIn(u.email(), PASSWORD);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return s;
    }

    @Override
    public void close() {
        app.close();
    }

    /** A browser-like HTTP client: keeps cookies, does not follow redirects, sends the CSRF token it last saw. */
    final class Staff {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> signIn(String email, String password) {
            get("/newsroom/sign-in");
            HttpResponse<String> r = post("/newsroom/sign-in", Map.of("email", email, "password", password));
            if (r.statusCode() == 303) {
                get("/newsroom");
            }
            return r;
        }

        /** Posts a form with this client's CSRF token and a same-origin Origin header. */
        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> all = new LinkedHashMap<>(form);
            if (csrf != null && !all.containsKey("_csrf")) {
                all.put("_csrf", csrf);
            }
            all.values().removeIf(v -> v == null);
            return postRaw(path, all, base());
        }

        HttpResponse<String> postRaw(String path, Map<String, String> form, String origin) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (origin != null) {
                b.header("Origin", origin);
            }
            return send(b.build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("bs_session"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }
    }
}
