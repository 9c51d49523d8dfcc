package org.broadsheet.ranking;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of published articles and their publication times, kept in memory so that rankings and the
 * view beacon can tell readable articles without asking the database. Embargoed articles are kept with
 * their future time and become readable when it passes. Loaded at start, followed through article
 * changes. Thread-safe.
 */
public final class PublishedArticles {

    /** Returned by {@link #publishedAt} for an article readers cannot see. */
    public static final long NOT_VISIBLE = Long.MIN_VALUE;

    private final ArticleService articles;
    private final ConcurrentHashMap<Long, Long> publishedAt = new ConcurrentHashMap<>();

    public PublishedArticles(ArticleService articles) {
        this.articles = articles;
    }

    /** Reloads every published article from the store. */
    public void reload() {
        Map<Long, Instant> times = articles.publicationTimes();
        publishedAt.keySet().retainAll(times.keySet());
        times.forEach((id, at) -> publishedAt.put(id, at.toEpochMilli()));
    }

    /** Follows one article's current state in the store. */
    public void refresh(long articleId) {
        Article a = articles.findById(articleId).orElse(null);
        if (a != null && a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null) {
            publishedAt.put(articleId, a.publishedAt().toEpochMilli());
        } else {
            publishedAt.remove(articleId);
        }
    }

    /** Adds or replaces one article directly (tests and benchmarks that build rankings without a store). */
    public void put(long articleId, long publishedAtMillis) {
        publishedAt.put(articleId, publishedAtMillis);
    }

    /** When the article was published, or {@link #NOT_VISIBLE} if readers cannot see it at {@code nowMillis}. */
    public long publishedAt(long articleId, long nowMillis) {
        Long at = publishedAt.get(articleId);
        return at == null || at > nowMillis ? NOT_VISIBLE : at;
    }

    public boolean isVisible(long articleId, long nowMillis) {
        return publishedAt(articleId, nowMillis) != NOT_VISIBLE;
    }
}
