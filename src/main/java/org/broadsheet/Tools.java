package org.broadsheet;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.SyntheticNews;
import org.broadsheet.demo.WikinewsDemo;
import org.broadsheet.storage.Database;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/** The operator commands that work on the store without serving: each opens what it needs and closes it. */
final class Tools {

    private Tools() {
    }

    static void generate(Settings settings, int count, int days, long seed, Clock clock) {
        DataFolder.prepare(settings.dataDir());
        try (Database database = Database.open(settings.jdbcUrl())) {
            ArticleService articles = new ArticleService(database.jdbi(), ArticleService.sectionDirectory(database.jdbi()),
                    new ArticleUrls(ZoneOffset.UTC), clock);
            if (articles.isEmpty()) {
                new WikinewsDemo(articles).load();
            }
            PrintStream out = System.out;
            long start = System.nanoTime();
            new SyntheticNews(articles).generate(count, clock.instant(), Duration.ofDays(days), seed,
                    done -> out.printf("\rgenerated %,d of %,d articles (%.0f/s)", done, count,
                            done / ((System.nanoTime() - start) / 1e9)));
            out.println();
        }
    }
}
