package org.broadsheet.demo;

import org.broadsheet.TestApp;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.comment.CommentImport;
import org.broadsheet.ranking.HourlyCount;
import org.broadsheet.ranking.ViewStore;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.storage.TestStore;
import org.jdbi.v3.core.Handle;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark archive on a freshly migrated SQLite file and a fresh PostgreSQL database: comments and
 * view history as the product stores them, never outside their article's time, and shown by the site.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class SyntheticArchiveTest {

    // Mid-hour, so the current hour's bucket starts before now and the publication hour's before publication.
    private static final Instant NOW = Instant.parse("2026-11-20T10:17:23Z");
    private static final long HOUR = HourlyCount.HOUR_MILLIS;
    private static final int ARTICLES = 300;

    @Parameter
    TestStore store;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    /** What a generation stored, and in which database. */
    private record Generated(SyntheticArchive.Summary summary, String url) {
    }

    private Generated generate(String url, SyntheticArchive.Options options) {
        try (Database db = Database.open(url)) {
            ArticleService articles = new ArticleService(db.jdbi(), ArticleService.sectionDirectory(db.jdbi()),
                    new ArticleUrls(ZoneOffset.UTC), clock);
            new WikinewsDemo(articles).load();
            SyntheticArchive archive = new SyntheticArchive(articles, new CommentImport(db.jdbi()),
                    new ViewStore(db.jdbi()));
            return new Generated(archive.generate(options, clock.instant(), progress -> { }), url);
        }
    }

    private Generated generateDefault() {
        return generate(store.freshUrl(dir), new SyntheticArchive.Options(ARTICLES, Duration.ofDays(180), 7, 2, 90));
    }

    @Test
    void commentsAreApprovedThreadsOnTheirOwnArticleBetweenPublicationAndNow() {
        Generated g = generateDefault();
        try (Database db = Database.open(g.url()); Handle h = db.jdbi().open()) {
            assertThat(count(h, "SELECT count(*) FROM comments")).isEqualTo(g.summary().comments());
            assertThat(count(h, "SELECT count(*) FROM comments WHERE parent_id IS NOT NULL")).as("replies").isPositive();
            assertThat(count(h, "SELECT max(depth) FROM comments")).isBetween(1L, 2L);
            assertNone(h, "unapproved", "comments WHERE status <> 'approved'");
            assertNone(h, "misplaced replies", """
                    comments c JOIN comments p ON p.id = c.parent_id
                    WHERE p.article_id <> c.article_id OR p.created_at > c.created_at OR p.id > c.id
                       OR c.depth <> p.depth + 1 OR c.root_id <> COALESCE(p.root_id, p.id)""");
            assertNone(h, "top-level comments inside a thread",
                    "comments WHERE parent_id IS NULL AND (root_id IS NOT NULL OR depth <> 0)");
            assertNone(h, "comments out of time", "comments c JOIN articles a ON a.id = c.article_id "
                    + "WHERE c.created_at < a.published_at OR c.created_at > " + NOW.toEpochMilli());
            assertNone(h, "real-looking addresses", "comments WHERE author_email NOT LIKE '%@example.org'");

            // Skewed: many articles without comments, some with many, about the average asked for.
            List<Long> perArticle = h.createQuery("SELECT (SELECT count(*) FROM comments c WHERE c.article_id = a.id) "
                    + "FROM articles a ORDER BY a.id DESC LIMIT " + ARTICLES).mapTo(Long.class).list();
            assertThat(perArticle.stream().filter(n -> n == 0).count()).isGreaterThan(ARTICLES / 3);
            assertThat(perArticle.stream().filter(n -> n >= 5).count()).isGreaterThan(ARTICLES / 20);
            assertThat(perArticle.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(1.4, 2.6);
        }
    }

    @Test
    void viewHistoryLiesBetweenPublicationAndNowInsideNinetyDaysAndTotalsAreTheSumsOfTheBuckets() {
        Generated g = generateDefault();
        long since = NOW.minus(Duration.ofDays(90)).toEpochMilli();
        try (Database db = Database.open(g.url()); Handle h = db.jdbi().open()) {
            assertThat(count(h, "SELECT count(*) FROM article_views_hourly")).isEqualTo(g.summary().viewBuckets()).isPositive();
            assertNone(h, "buckets out of time", "article_views_hourly v JOIN articles a ON a.id = v.article_id "
                    + "WHERE v.hour_start + " + HOUR + " <= a.published_at OR v.hour_start > " + NOW.toEpochMilli()
                    + " OR v.hour_start < " + HourlyCount.hourOf(since) * HOUR + " OR v.views < 1");
            assertNone(h, "buckets of no article", "article_views_hourly v LEFT JOIN articles a ON a.id = v.article_id "
                    + "WHERE a.id IS NULL");
            assertNone(h, "older articles read", "article_view_totals t JOIN articles a ON a.id = t.article_id "
                    + "WHERE a.published_at < " + since);
            assertNone(h, "daily buckets", "article_views_daily");
            assertNone(h, "totals that are not the sum", """
                    article_view_totals t
                    WHERE t.views <> (SELECT sum(v.views) FROM article_views_hourly v WHERE v.article_id = t.article_id)""");

            long recent = count(h, "SELECT count(*) FROM articles WHERE published_at >= " + since);
            // A very unpopular article may round to no reads at all.
            assertThat(count(h, "SELECT count(*) FROM article_view_totals")).isBetween(recent * 9 / 10, recent);
            assertThat((double) g.summary().viewBuckets() / recent).as("rows a recent article").isBetween(20.0, 50.0);
            List<Long> totals = h.createQuery("SELECT views FROM article_view_totals ORDER BY views").mapTo(Long.class).list();
            assertThat(totals.get(totals.size() - 1)).as("the most read against the median")
                    .isGreaterThan(10 * totals.get(totals.size() / 2));
        }
    }

    @Test
    void theArticlePageShowsTheGeneratedThreadsAndTheirCount() {
        Generated g = generateDefault();
        long id;
        int comments;
        try (Database db = Database.open(g.url()); Handle h = db.jdbi().open()) {
            Map.Entry<Long, Integer> most = h.createQuery("SELECT article_id, count(*) AS n FROM comments GROUP BY article_id "
                            + "ORDER BY n DESC, article_id LIMIT 1")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).one();
            id = most.getKey();
            comments = most.getValue();
        }
        TestApp.Builder site = TestApp.in(dir).clock(clock);
        try (TestApp app = (store == TestStore.SQLITE ? site : site.database(g.url())).start()) {
            String url = app.articles().url(app.articles().findById(id).orElseThrow());
            Document page = app.parse(app.get(url));
            assertThat(page.select("#comments-heading").text()).isEqualTo(comments + " comments");
            assertThat(page.select(".comment-list li.comment")).hasSize(comments);
            assertThat(page.select(".comment-list .children li.comment")).as("replies nest under their parents").isNotEmpty();
        }
    }

    @Test
    void aSeedAndATimeGiveTheSameArchive() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        SyntheticArchive.Options options = new SyntheticArchive.Options(60, Duration.ofDays(30), 11, 3, 90);
        Generated first = generate(store.freshUrl(dir.resolve("a")), options);
        Generated second = generate(store.freshUrl(dir.resolve("b")), options);
        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(dump(second.url())).isEqualTo(dump(first.url()));
    }

    @Test
    void noCommentsOrViewsWhenSwitchedOff() {
        Generated g = generate(store.freshUrl(dir), new SyntheticArchive.Options(40, Duration.ofDays(10), 1, 0, 0));
        assertThat(g.summary()).isEqualTo(new SyntheticArchive.Summary(40, 0, 0));
        try (Database db = Database.open(g.url()); Handle h = db.jdbi().open()) {
            assertThat(count(h, "SELECT count(*) FROM comments")).isZero();
            assertThat(count(h, "SELECT count(*) FROM article_views_hourly")).isZero();
        }
    }

    private static List<String> dump(String url) {
        try (Database db = Database.open(url); Handle h = db.jdbi().open()) {
            List<String> rows = new ArrayList<>(h.createQuery("""
                    SELECT article_id || '|' || COALESCE(parent_id, 0) || '|' || author_name || '|' || body
                           || '|' || created_at
                    FROM comments ORDER BY id""").mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT article_id || '|' || hour_start || '|' || views FROM article_views_hourly "
                    + "ORDER BY article_id, hour_start").mapTo(String.class).list());
            return rows;
        }
    }

    private static void assertNone(Handle h, String what, String fromWhere) {
        assertThat(count(h, "SELECT count(*) FROM " + fromWhere)).as(what).isZero();
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }
}
