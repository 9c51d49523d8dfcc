package org.broadsheet.search;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.Section;
import org.broadsheet.article.Slugs;
import org.broadsheet.storage.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Broadsheet store and index in a scratch folder, filled through the product's own code paths:
 * {@link ArticleService#createSection}, {@link ArticleService#importPublished}, then the same rebuild
 * the {@code reindex} command runs.
 */
final class BenchSite implements AutoCloseable {

    final Path dir;
    final Database database;
    final ArticleService articles;
    final LuceneSearchIndex index;
    final RelatedPosts related;
    final SearchService search;
    final Clock clock;
    private final Map<String, Section> sections = new HashMap<>();

    BenchSite(Path dir, Instant now) {
        this.dir = dir;
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        this.database = Database.open("jdbc:sqlite:" + dir.resolve("broadsheet.db").toAbsolutePath());
        this.articles = new ArticleService(database.jdbi(), ArticleService.sectionDirectory(database.jdbi()),
                new ArticleUrls(ZoneOffset.UTC), clock);
        this.index = LuceneSearchIndex.open(dir.resolve("index"));
        this.related = new RelatedPosts(articles, index, new RelatedStore(database.jdbi()), clock, RelatedPosts.DEFAULT_COUNT,
                Duration.ofDays(1));
        this.search = new SearchService(articles, index, related, clock);
    }

    Section section(String topic) {
        return sections.computeIfAbsent(topic, t -> articles.createSection(null, Slugs.slugify(t), t, "", sections.size()));
    }

    /** Imports stories in batches of one transaction each; returns the new ids in order. */
    List<Long> importAll(List<ArticleService.ImportedArticle> items) {
        List<Long> ids = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i += 1000) {
            ids.addAll(articles.importPublished(items.subList(i, Math.min(items.size(), i + 1000))));
        }
        return ids;
    }

    static ArticleService.ImportedArticle item(Section section, String slug, String headline, String body, Instant at) {
        return new ArticleService.ImportedArticle(new ArticleDraft(section.id(), slug, headline, "", body, null, null, null, null,
                List.of(), List.of(), null), at);
    }

    @Override
    public void close() {
        search.close();
        database.close();
    }
}
