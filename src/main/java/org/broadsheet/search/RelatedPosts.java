package org.broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.RelatedArticles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Related posts for the article page. Lists are stored in the database and held in a bounded in-memory
 * cache. A list is computed from the search index, on a background thread ("related-posts"), when an
 * article is published or edited (with the lists of its neighbours, which may now include it), and for
 * every article published in the last {@link #RECENT} at start and once per refresh period, so that the
 * news of the day never waits. An archive of at most {@link #SMALL_ARCHIVE} articles (the demo's 293, a young
 * site) has every list computed at start instead, before {@link #listsReady()}, so that no page ever shows
 * none. In a bigger archive an older article's list is read from the store when its page is first
 * rendered; one that was never computed (an archive imported or restored without its lists) is computed in
 * the background then, and the page follows once it is stored; one older than the refresh period is served
 * and recomputed in the background. So a start never waits for, nor is slowed by, an archive's lists,
 * whatever its size. A few spare candidates are kept per article so a list stays full when one of its
 * articles is withdrawn. Thread-safe.
 */
public final class RelatedPosts implements RelatedArticles {

    public static final int DEFAULT_COUNT = 4;
    /** The newest articles, up to {@link #RECENT_MAX} of the last 30 days, have their lists computed ahead of their readers. */
    static final Duration RECENT = Duration.ofDays(30);
    /** At a few seconds of one core per thousand lists, a big archive's first start stays cheap. */
    static final int RECENT_MAX = 2_000;
    /**
     * Archives up to this size have all their lists computed at start and once per refresh period: a few
     * seconds of one core per thousand lists, so at most about 15 s, on the background thread.
     */
    public static final int SMALL_ARCHIVE = 5_000;
    private static final int SPARES = 4;
    private static final int BATCH = 500;
    /** Stale lists waiting for a background recompute; past this, a read serves the stale list without queueing. */
    private static final int MAX_PENDING = 10_000;
    private static final long[] NONE = new long[0];
    private static final Logger log = LoggerFactory.getLogger(RelatedPosts.class);

    private final ArticleService articles;
    private final LuceneSearchIndex index;
    private final RelatedStore store;
    private final Clock clock;
    private final int count;
    private final Duration refreshEvery;
    private final int smallArchive;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    /** Bounded: at a million articles the lists would not all fit; a miss costs one indexed query. */
    private final Cache<Long, long[]> lists = Caffeine.newBuilder().maximumSize(200_000).build();
    /**
     * The visible summaries each list resolves to, so a page render costs no query. Dropped when any article
     * or the list changes; an embargoed article that comes of age joins within the minute.
     */
    private final Cache<Long, List<ArticleSummary>> shown = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(60)).build();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean indexReady;
    /** Set once the first refresh after start is done: every list of a small archive is there. */
    private volatile boolean listsReady;
    /** True while a scheduled refresh runs. */
    private volatile boolean refreshing;
    /** Set by {@link #close()}: queued work is skipped, a long refresh stops between articles. */
    private volatile boolean closed;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "related-posts");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final CountedTasks tasks = new CountedTasks(worker);

    /**
     * @param count        how many related posts an article shows
     * @param refreshEvery how old a list may grow before it is recomputed, so articles pick up newer stories
     */
    public RelatedPosts(ArticleService articles, LuceneSearchIndex index, RelatedStore store, Clock clock, int count,
                        Duration refreshEvery) {
        this(articles, index, store, clock, count, refreshEvery, SMALL_ARCHIVE);
    }

    /** @param smallArchive an archive of at most this many articles has every list computed at start ({@link #SMALL_ARCHIVE}) */
    public RelatedPosts(ArticleService articles, LuceneSearchIndex index, RelatedStore store, Clock clock, int count,
                        Duration refreshEvery, int smallArchive) {
        if (count < 1) {
            throw new IllegalArgumentException("the related-posts count must be at least 1");
        }
        this.articles = articles;
        this.index = index;
        this.store = store;
        this.clock = clock;
        this.count = count;
        this.refreshEvery = refreshEvery;
        this.smallArchive = smallArchive;
    }

    @Override
    public List<ArticleSummary> relatedTo(long articleId) {
        long[] ids = lists.getIfPresent(articleId);
        if (ids == null) {
            ids = load(articleId);
        }
        if (ids.length == 0) {
            return List.of();
        }
        long[] list = ids;
        return shown.get(articleId, id -> {
            List<ArticleSummary> visible = articles.publishedSummaries(Arrays.stream(list).boxed().toList());
            return List.copyOf(visible.size() > count ? visible.subList(0, count) : visible);
        });
    }

    /**
     * Any article changed (a headline, a withdrawal…): the summaries shown may be stale. Called on the
     * thread that made the change, before its pages are rendered again.
     */
    void articlesChanged() {
        shown.invalidateAll();
    }

    /**
     * A cache miss: the stored list (queued for a recompute when stale); when none is stored, none for now and
     * the list is computed in the background, after which the article's page is dropped from the page cache so
     * its next reader sees the list. (Computing it on the request costs tens of milliseconds at 100,000
     * articles: a crawler walking an old archive would have had every page wait for it.)
     */
    private long[] load(long articleId) {
        Optional<RelatedStore.StoredList> stored = store.load(articleId);
        if (stored.isPresent()) {
            long[] ids = stored.get().ids();
            lists.put(articleId, ids);
            if (stored.get().computedAt().isBefore(clock.instant().minus(refreshEvery)) && indexReady) {
                refreshLater(articleId);
            }
            return ids;
        }
        if (indexReady) { // while the index is being rebuilt, a list computed now would miss articles
            refreshLater(articleId);
        }
        return NONE;
    }

    private void refreshLater(long articleId) {
        if (pending.size() < MAX_PENDING && pending.add(articleId)) {
            inBackground(() -> {
                pending.remove(articleId);
                save(Map.of(articleId, compute(articleId)));
            });
        }
    }

    /**
     * The index is ready (built, or rebuilt after damage): computes the missing and stale lists of recent
     * articles in the background, and schedules the same once per refresh period.
     */
    void start() {
        indexReady = true;
        inBackground(this::refreshRecent);
        long every = refreshEvery.toMillis();
        worker.scheduleWithFixedDelay(this::refreshRecent, every, every, TimeUnit.MILLISECONDS);
    }

    private void refreshRecent() {
        Instant now = clock.instant();
        refreshing = true;
        try {
            int archive = index.size();
            if (archive <= smallArchive) {
                List<Long> due = store.recentWithoutFreshList(Instant.EPOCH, now, now.minus(refreshEvery), smallArchive);
                computeAll(due);
                if (!listsReady) {
                    log.info("related posts ready for all {} articles ({} computed)", archive, due.size());
                }
            } else {
                listsReady = true; // a big archive's older lists follow their first readers
                computeAll(store.recentWithoutFreshList(now.minus(RECENT), now, now.minus(refreshEvery), RECENT_MAX));
            }
        } catch (RuntimeException e) {
            log.error("refreshing related posts failed; the next refresh will try again", e);
        } finally {
            listsReady = true; // even after a failure: pages are served with the lists there are
            refreshing = false;
        }
    }

    /**
     * True once the lists that should exist before readers arrive are there: every list of a small archive,
     * none of a big one (whose recent lists follow in the background). Part of the site's readiness.
     */
    public boolean listsReady() {
        return listsReady;
    }

    /**
     * Work waiting or running in the background (0 when idle, and not before the index is ready): published
     * as a metric, awaited by benchmarks and tests.
     */
    public int backlog() {
        return tasks.count() + (refreshing ? 1 : 0) + (indexReady ? 0 : 1);
    }

    /** An article became visible or changed: recompute its list, and the lists of its neighbours, which may now include it. */
    void articleChanged(long articleId) {
        inBackground(() -> {
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
        inBackground(() -> {
            lists.invalidate(articleId);
            shown.invalidate(articleId);
            store.delete(articleId);
        });
    }

    /** Recomputes the lists of {@code ids} on the calling thread, storing them in batches. */
    void computeAll(List<Long> ids) {
        Map<Long, long[]> batch = new HashMap<>();
        for (long id : ids) {
            if (closed) {
                break;
            }
            batch.put(id, compute(id));
            if (batch.size() == BATCH) {
                save(batch);
                batch.clear();
            }
        }
        save(batch);
    }

    /**
     * The list for one article straight from the index, kept in memory (not yet stored). Tells the
     * listeners when it differs from the list in memory, or when none was there (a page showing an
     * older list may still be cached).
     */
    long[] compute(long articleId) {
        long[] ids = similar(articleId);
        long[] before = lists.asMap().put(articleId, ids);
        if (before == null || !Arrays.equals(before, ids)) {
            shown.invalidate(articleId);
            listeners.forEach(l -> l.accept(articleId));
        }
        return ids;
    }

    private long[] similar(long articleId) {
        return index.similar(articleId, count + SPARES, clock.instant()).stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Calls {@code listener} with an article's id whenever its related list changes (e.g. to drop the
     * cached page that shows the list). Called on the computing thread.
     */
    public void onListChanged(LongConsumer listener) {
        listeners.add(listener);
    }

    private void save(Map<Long, long[]> changed) {
        try {
            store.replace(changed, clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not store related posts for {} articles; they are served from memory meanwhile", changed.size(), e);
        }
    }

    /** Queues work for the worker; work still queued when the feature closes is dropped. */
    private void inBackground(Runnable task) {
        tasks.execute(() -> {
            if (!closed) {
                task.run();
            }
        });
    }

    /**
     * Stops the background work: queued lists are dropped, one being computed is finished. Never by
     * interrupting: an interrupt that lands while the worker releases an index reader (which may delete old
     * index files) closes the channel behind the index's write lock, and the index then cannot be closed.
     */
    void close() {
        closed = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("related posts still computing after 10 s; closing without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
