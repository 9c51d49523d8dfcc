package org.broadsheet.newsroom;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.SignInDelays;
import org.broadsheet.account.User;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.Correction;
import org.broadsheet.article.DeskAction;
import org.broadsheet.article.DeskRecords;
import org.broadsheet.article.Section;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.storage.TestPostgres;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The newsroom's SQL (accounts, sessions, throttling, the desk, scheduling) on SQLite and on PostgreSQL. */
class StorageOnBothDatabasesTest {

    @TempDir
    Path dir;

    private Database open(String dialect) {
        if (dialect.equals("sqlite")) {
            return Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        }
        return Database.open(TestPostgres.freshDatabaseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void accountsSessionsAndThrottling(String dialect) {
        MutableClock clock = new MutableClock(NewsroomFixture.START);
        try (Database db = open(dialect); SignInDelays delays = new SignInDelays()) {
            AccountService accounts = new AccountService(db.jdbi(), clock, delays);
            User u = accounts.addUser("Ed@Example.com", "Ed", Role.EDITOR, NewsroomFixture.PASSWORD);
            assertThat(u.email()).isEqualTo("ed@example.com");
            assertThatThrownBy(() -> accounts.addUser("ed@example.com", "Ed", Role.EDITOR, NewsroomFixture.PASSWORD))
                    .hasMessageContaining("already a user");
            assertThatThrownBy(() -> accounts.addUser("x@example.com", "X", Role.EDITOR, "password1234"))
                    .hasMessageContaining("most common");
            var session = accounts.signIn("ed@example.com", NewsroomFixture.PASSWORD, "10.0.0.1", null).join();
            assertThat(accounts.session(session.id())).map(Principal::userId).hasValue(u.id());
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(15)); // past the wait the failures so far set
                assertThat(accounts.signIn("ed@example.com", "wrong password!", "10.0.0.2", null)).isDone()
                        .failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .withCauseInstanceOf(AccountService.AccountException.class);
            }
            // five failures: an attempt without the device cookie waits 8 s (counted from the last failure)…
            assertThat(accounts.signIn("ed@example.com", NewsroomFixture.PASSWORD, "10.0.0.3", null)).isNotDone();
            // …the one with it does not
            assertThat(accounts.signIn("ed@example.com", NewsroomFixture.PASSWORD, "10.0.0.3", session.deviceCookie())).isDone();
            clock.advance(Duration.ofSeconds(8));
            assertThat(accounts.signIn("ed@example.com", NewsroomFixture.PASSWORD, "10.0.0.3", null)).isCompleted();
            assertThat(accounts.sessionCount(u.id())).isEqualTo(3);
            accounts.signOutEverywhere(u.id());
            assertThat(accounts.session(session.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theDeskSavesLocksSchedulesAndCorrects(String dialect) {
        MutableClock clock = new MutableClock(NewsroomFixture.START);
        try (Database db = open(dialect)) {
            ArticleService articles = new ArticleService(db.jdbi(), ArticleService.sectionDirectory(db.jdbi()),
                    new ArticleUrls(ZoneOffset.UTC), clock);
            Section news = articles.createSection(null, "news", "News", "", 0);
            AccountService accounts = new AccountService(db.jdbi(), clock);
            User u = accounts.addUser("ed@example.com", "Ed", Role.EDITOR, NewsroomFixture.PASSWORD);
            Principal ed = new Principal(u.id(), u.name(), u.email(), u.role(), "s");
            ArticleDesk desk = new ArticleDesk(articles, db.jdbi(), clock);
            var draft = new org.broadsheet.article.ArticleDraft(news.id(), null, "A headline", "", "Body", null, "", "", "",
                    List.of("Ann"), List.of("Tag"), null);
            long id = desk.create(draft, ed);
            desk.save(id, 1, draft, ed);
            assertThatThrownBy(() -> desk.saveChecked(id, 1, draft, ed)).isInstanceOf(DeskRecords.StaleEditException.class)
                    .hasMessageContaining("Ed");
            desk.transition(id, 2, DeskAction.SCHEDULE, clock.instant().plus(Duration.ofHours(1)), ed);
            assertThat(desk.publishDue()).isEmpty();
            clock.advance(Duration.ofHours(2));
            assertThat(desk.publishDue()).containsExactly(id);
            assertThat(desk.publishDue()).isEmpty();
            assertThat(articles.findPublished("a-headline")).isPresent();
            var renamed = new org.broadsheet.article.ArticleDraft(news.id(), "new-slug", "A headline", "", "Body", null, "", "", "",
                    List.of("Ann"), List.of("Tag"), null);
            desk.save(id, articles.findById(id).orElseThrow().version(), renamed, ed);
            assertThat(articles.findPublishedByOldSlug("a-headline")).map(a -> a.slug()).hasValue("new-slug");
            desk.addCorrection(id, Correction.Kind.CORRECTION, "Fixed a name.", ed);
            assertThat(articles.corrections(id)).extracting(Correction::text).containsExactly("Fixed a name.");
            assertThat(desk.list(new DeskRecords.Filter(null, news.id(), null, "HEAD", null), 1, 10).total()).isEqualTo(1);
            assertThat(desk.countsByStatus().get(org.broadsheet.article.ArticleStatus.PUBLISHED)).isEqualTo(1);
            assertThat(desk.recentActivity(10)).extracting(DeskRecords.Activity::what).contains("Published on schedule");
            assertThat(desk.revisions(id, ed)).hasSizeGreaterThanOrEqualTo(5);
        }
    }
}
