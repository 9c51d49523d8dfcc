package org.broadsheet.newsroom;

import org.broadsheet.App;
import org.broadsheet.StaffClient;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.User;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.Section;
import org.broadsheet.article.Source;
import org.broadsheet.config.Settings;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running Broadsheet on a temporary SQLite file with a mutable clock, one section, and helpers to
 * make staff accounts and sign them in over real HTTP.
 */
final class NewsroomFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";

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

    /** The editor's form for a new article in News, as a browser posts it. */
    Map<String, String> form(String headline) {
        Map<String, String> m = new HashMap<>();
        m.put("headline", headline);
        m.put("section", String.valueOf(news.id()));
        m.put("standfirst", "What happened, in one sentence.");
        m.put("body", "First paragraph.\n\nSecond paragraph with **bold**.");
        m.put("bylines", "Ann Writer, Bob Reporter");
        m.put("tags", "Harbour, Weather");
        return m;
    }

    /** Creates an article through the editor's form; fails the test unless it is accepted. */
    long create(StaffClient staff, Map<String, String> form) {
        HttpResponse<String> r = staff.post("/newsroom/articles", form);
        if (r.statusCode() != 303) {
            throw new AssertionError("the article was refused: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    StaffClient staff() {
        return new StaffClient(this::base);
    }

    StaffClient signedIn(User u) {
        return StaffClient.signedIn(this::base, u.email(), PASSWORD);
    }

    @Override
    public void close() {
        app.close();
    }
}
