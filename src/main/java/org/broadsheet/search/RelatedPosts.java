package org.broadsheet.search;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.RelatedArticles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Related posts for the article page. Lists are computed from the search index on a background thread
 * ("related-posts") when an article is published or edited, refreshed in full once a day, stored in the
 * database and kept in memory; {@link #relatedTo} only reads memory and checks visibility (one query), so
 * nothing is ever computed on the request path. A few spare candidates are kept per article so that a list
 * stays full when one of its articles is withdrawn. Thread-safe.
 */
public final class RelatedPosts implements RelatedArticles {

    public static final int DEFAULT_COUNT = 4;
    private final List<java.util.function.LongConsumer> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final int SPARES = 4;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RelatedPosts.class);

    private final ArticleService articles;
    private final LuceneSearchIndex index;
    private final RelatedStore store;
    private final Clock clock;
    private final int count;
    private final Duration refreshEvery;
    private final Map<Long, long[]> lists = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "related-posts");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /**
     * @param count        how many related posts an article shows
     * @param refreshEvery how often every list is recomputed, so older articles pick up newer stories
     */
    public RelatedPosts(ArticleService articles, LuceneSearchIndex index, RelatedStore store, Clock clock, int count,
                        Duration refreshEvery) {
        if (count < 1) {
            throw new IllegalArgumentException("the related-posts count must be at least 1");
        }
        this.articles = articles;
        this.index = index;
        this.store = store;
        this.clock = clock;
        this.count = count;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public List<ArticleSummary> relatedTo(long articleId) {
        long[] ids = lists.get(articleId);
        if (ids == null) {
            return List.of();
        }
        List<ArticleSummary> visible = articles.publishedSummaries(Arrays.stream(ids).boxed().toList());
        return visible.size() > count ? visible.subList(0, count) : visible;
    }

    /** Loads the stored lists, computes the missing ones in the background and schedules the daily refresh. */
    void start() {
        lists.putAll(store.loadAll());
        worker.execute(() -> computeAll(index.ids().stream().filter(id -> !lists.containsKey(id)).toList()));
        long every = refreshEvery.toMillis();
        worker.scheduleWithFixedDelay(() -> computeAll(index.ids()), every, every, TimeUnit.MILLISECONDS);
    }

    /** An article became visible or changed: recompute its list, and the lists of its neighbours, which may now include it. */
    void articleChanged(long articleId) {
        worker.execute(() -> {
            long[] mine = compute(articleId);
            Map<Long, long[]> changed = new HashMap<>();
            changed.put(articleId, mine);
            for (long neighbour : mine) {
                changed.put(neighbour, compute(neighbour));
            }
            save(changed);
        });
    }

    void articleWithdrawn(long articleId) {
        worker.execute(() -> {
            lists.remove(articleId);
            store.delete(articleId);
        });
    }

    /** Recomputes the lists of {@code ids} on the calling thread, storing them in batches. */
    void computeAll(List<Long> ids) {
        Map<Long, long[]> batch = new HashMap<>();
        try {
            for (long id : ids) {
                batch.put(id, compute(id));
                if (batch.size() == BATCH) {
                    save(batch);
                    batch.clear();
                }
            }
            save(batch);
        } catch (RuntimeException e) {
            log.error("refreshing related posts failed; the next refresh will try again", e);
        }
    }

    /** The list for one article straight from the index, kept in memory (not yet stored). */
    long[] compute(long articleId) {
        long[] ids = index.similar(articleId, count + SPARES, clock.instant()).stream().mapToLong(Long::longValue).toArray();
        long[] before = lists.put(articleId, ids);
        if (before == null || !java.util.Arrays.equals(before, ids)) {
            listeners.forEach(l -> l.accept(articleId));
        }
        return ids;
    }

    /**
     * Calls {@code listener} with an article's id whenever its related list changes (e.g. to drop the
     * cached page that shows the list). Called on the computing thread.
     */
    public void onListChanged(java.util.function.LongConsumer listener) {
        listeners.add(listener);
    }

    private void save(Map<Long, long[]> changed) {
        try {
            store.replace(changed, clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not store related posts for {} articles; they are served from memory meanwhile", changed.size(), e);
        }
    }

    void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
