package org.broadsheet;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.comment.CommentImport;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.SyntheticArchive;
import org.broadsheet.demo.WikinewsDemo;
import org.broadsheet.ranking.ViewStore;
import org.broadsheet.storage.Database;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;

/** The operator commands that work on the store without serving: each opens what it needs and closes it. */
final class Tools {

    private Tools() {
    }

    static void generate(Settings settings, SyntheticArchive.Options options, Clock clock) {
        DataFolder.prepare(settings.dataDir());
        try (Database database = Database.open(settings.jdbcUrl())) {
            ArticleService articles = new ArticleService(database.jdbi(), ArticleService.sectionDirectory(database.jdbi()),
                    new ArticleUrls(ZoneOffset.UTC), clock);
            if (articles.isEmpty()) {
                new WikinewsDemo(articles).load();
            }
            PrintStream out = System.out;
            long start = System.nanoTime();
            SyntheticArchive archive = new SyntheticArchive(articles, new CommentImport(database.jdbi()),
                    new ViewStore(database.jdbi()));
            SyntheticArchive.Summary done = archive.generate(options, clock.instant(),
                    soFar -> out.printf("\rgenerated %,d of %,d articles (%.0f/s), %,d comments, %,d view buckets",
                            soFar.articles(), options.articles(), soFar.articles() / seconds(start), soFar.comments(),
                            soFar.viewBuckets()));
            out.println();
            out.printf("generated %,d articles, %,d comments and %,d hourly view buckets in %.1f s%n",
                    done.articles(), done.comments(), done.viewBuckets(), seconds(start));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
