package org.broadsheet.article;

import org.broadsheet.FreshSite;
import org.broadsheet.TestApp;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.article.TestArticles.names;
import static org.broadsheet.article.TestArticles.published;

/** An article page costs a small, fixed number of SQL statements however many bylines and tags it has (no N+1). */
@ExtendWith(FreshSite.class)
class ArticlePageQueriesTest {

    /**
     * The most an article page may cost on a cache miss. Today: the row, its bylines, its tags and its
     * corrections (4), and the comments part (top-level count, one page of top-level ids, their threads in
     * one query when there are any, the article's closing override, the lists' comment counts: at most 5).
     * Neither part grows with bylines, tags or comments.
     */
    static final int MAX_STATEMENTS_PER_ARTICLE_PAGE = 9;

    @Test
    void anArticlePageCostsTheSameFewStatementsWhateverItsBylinesAndTags(TestApp site) {
        AtomicInteger statements = countStatements(site);
        Section news = site.articles().createSection(null, "news", "News", "", 1);
        Section war = site.articles().createSection(news, "war", "War", "", 1);
        Instant when = Instant.parse("2024-11-20T08:00:00Z");
        Article small = TestArticles.publish(site.articles(), published(war, "One byline one tag", when, names("Reporter", 1), names("Topic", 1)));
        Article large = TestArticles.publish(site.articles(), published(war, "Many bylines many tags", when, names("Reporter", 6), names("Topic", 12)));
        assertThat(large.bylines()).hasSize(6);
        assertThat(large.tags()).hasSize(12);

        int smallCost = statementsToFetch(site, statements, site.articles().url(small));
        int largeCost = statementsToFetch(site, statements, site.articles().url(large));

        assertThat(largeCost).isEqualTo(smallCost);
        assertThat(largeCost).isBetween(1, MAX_STATEMENTS_PER_ARTICLE_PAGE);
        System.out.printf("SQL statements per article page: %d (1 byline + 1 tag) and %d (6 bylines + 12 tags)%n", smallCost, largeCost);
    }

    /**
     * Counts the statements the app runs through its Jdbi on request threads from now on; background
     * work (view flushes, the scheduler, settings reloads) runs on its own named threads and is left out.
     */
    private static AtomicInteger countStatements(TestApp site) {
        AtomicInteger statements = new AtomicInteger();
        site.database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (Thread.currentThread().getName().startsWith("JettyServerThreadPool")) {
                    statements.incrementAndGet();
                }
            }
        });
        return statements;
    }

    private static int statementsToFetch(TestApp site, AtomicInteger statements, String path) {
        // The first request for the page: the path a page cache would miss, which must stay bounded.
        statements.set(0);
        var response = site.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(site.parse(response).select(".byline a[rel=author]")).isNotEmpty();
        return statements.get();
    }
}
