package org.broadsheet.search;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleChange;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.storage.OutOfSpaceLog;
import org.broadsheet.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Search for readers, and the index following the newsroom. Every article change is applied to the index
 * on one background thread ("search-index"), in order, within moments of the commit; a full rebuild runs
 * on the same thread, so changes made meanwhile are applied after it. Searches run on the caller's
 * thread and never wait for writes. When a write fails (the disk is full, or Lucene closed its writer after
 * such a failure), the articles it missed are remembered and applied again, after reopening the writer if
 * need be, at the next change or within {@value IndexCatchUp#RETRY_SECONDS} seconds, whichever comes first: the index
 * catches up by itself once space returns, and searches answer from the last good reader meanwhile.
 * Thread-safe.
 */
public final class SearchService implements AutoCloseable {

    public static final int PAGE_SIZE = 10;
    /** Deep pages cost the index more than they help a reader; past this, refine the search. */
    public static final int MAX_PAGE = 100;

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final ArticleService articles;
    private final LuceneSearchIndex index;
    private final RelatedPosts related;
    private final ResultCache answers;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "search-index");
        t.setDaemon(true);
        return t;
    });
    private final CountedTasks tasks = new CountedTasks(writer);
    private final IndexCatchUp catchUp;
    private volatile boolean trusted;
    private final java.util.concurrent.atomic.AtomicBoolean commitQueued = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param answers  kept answers ({@link ResultCache#off()} to run every search)
     * @param spaceLog where a full disk is reported (once a minute, however many writes it refuses)
     */
    public SearchService(ArticleService articles, LuceneSearchIndex index, RelatedPosts related, Clock clock, ResultCache answers,
                         OutOfSpaceLog spaceLog) {
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.catchUp = new IndexCatchUp(index, this::apply, () -> rebuildNow(RebuildProgress.SILENT), spaceLog,
                this::later);
        this.articles = articles;
        this.answers = answers;
        this.index = index;
        this.related = related;
        this.clock = clock;
        this.zone = articles.urls().zone();
        this.trusted = !index.needsRebuild();
    }

    /**
     * Checks the index against the database and, when it was missing, damaged or out of step, rebuilds it
     * in the background while the site keeps serving. Then brings related posts up to date.
     */
    public void start() {
        tasks.execute(() -> {
            int stored = articles.publishedIds().size();
            if (index.needsRebuild() || index.leftUncommitted() || index.size() != stored) {
                log.info("rebuilding the search index in the background ({} articles)", stored);
                try {
                    rebuildNow(RebuildProgress.SILENT);
                } catch (RuntimeException e) {
                    catchUp.rebuildFailed(e);
                }
            }
            related.start();
        });
    }

    /** True when no index change, index check or related-posts work is waiting or running. */
    public boolean idle() {
        return tasks.count() == 0 && related.backlog() == 0;
    }

    /** The related-posts lists that follow this index. */
    public RelatedPosts related() {
        return related;
    }

    /**
     * Why the site should not be reported ready yet, or empty once searches are answered and the related
     * lists that must exist before readers arrive are there ({@link RelatedPosts#listsReady()}).
     */
    public Optional<String> notReadyBecause() {
        if (!trusted) {
            return Optional.of("building the search index");
        }
        return related.listsReady() ? Optional.empty() : Optional.of("computing related posts");
    }

    /** True once the index can answer searches (false only while a missing or damaged index is rebuilt). */
    public boolean ready() {
        return trusted;
    }

    /** The listener to register with {@link ArticleService#addListener}; hands the work to the index thread. */
    public void onChange(ArticleChange change) {
        related.articlesChanged();
        tasks.execute(() -> catchUp.follow(change.articleId()));
        if (!commitQueued.getAndSet(true)) {
            tasks.execute(this::commit);
        }
    }

    /** Queued behind the changes so that a burst of them costs one commit. */
    private void commit() {
        commitQueued.set(false);
        catchUp.commit();
    }

    private void apply(long id) {
        Optional<Article> article = articles.findById(id);
        if (article.isPresent() && isPublished(article.get())) {
            index.upsert(IndexedArticle.of(article.get()));
            related.articleChanged(id);
        } else {
            index.delete(id);
            related.articleWithdrawn(id);
        }
    }

    /** Runs a catch-up task on the index thread a little later; nothing once the service is closing. */
    private void later(Runnable task) {
        if (!writer.isShutdown()) {
            writer.schedule(() -> tasks.execute(task), IndexCatchUp.RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Published, whether or not its embargo has passed: searches filter by time, so the end of an embargo needs no event. */
    private static boolean isPublished(Article a) {
        return a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null;
    }

    /** Rebuilds the whole index from the database on the calling thread (the {@code reindex} command). */
    public int rebuildNow(RebuildProgress progress) {
        List<Long> ids = articles.publishedIds();
        index.replaceAll(new Loader(ids), ids.size(), progress);
        trusted = true;
        return index.size();
    }

    /** Reads the articles one by one as the index consumes them, so a rebuild holds one article at a time. */
    private final class Loader implements Iterator<IndexedArticle> {
        private final Iterator<Long> ids;
        private IndexedArticle next;

        Loader(List<Long> ids) {
            this.ids = ids.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null && ids.hasNext()) {
                next = articles.findById(ids.next()).filter(SearchService::isPublished).map(IndexedArticle::of).orElse(null);
            }
            return next != null;
        }

        @Override
        public IndexedArticle next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            IndexedArticle a = next;
            next = null;
            return a;
        }
    }

    /** Runs a reader's search (or gives the same search's kept answer); any text at all gives an answer, never an exception. */
    public SearchOutcome search(SearchRequest request) {
        int page = Math.min(request.page(), MAX_PAGE);
        if (!trusted) {
            return new SearchOutcome(new Paged<>(List.of(), page, PAGE_SIZE, 0), null, false);
        }
        SearchRequest key = new SearchRequest(QueryText.clean(request.text()), request.section(), request.from(), request.to(),
                request.order(), page);
        long generation = index.generation(); // before the search: a change made during it makes the answer stale
        Instant now = clock.instant();
        SearchOutcome kept = answers.find(key, generation, now);
        if (kept != null) {
            return kept;
        }
        SearchOutcome outcome = run(key, now);
        answers.keep(key, outcome, generation, now, () -> index.nextPublicationAfter(now));
        return outcome;
    }

    private SearchOutcome run(SearchRequest request, Instant now) {
        int page = request.page();
        List<Long> sections = request.section() == null ? List.of() : articles.sections().selfAndChildIds(request.section());
        Instant from = request.from() == null ? null : request.from().atStartOfDay(zone).toInstant();
        Instant until = request.to() == null ? null : request.to().plusDays(1).atStartOfDay(zone).toInstant();
        SearchQuery query = new SearchQuery(request.text(), sections, from, until, request.order(), now,
                (page - 1) * PAGE_SIZE, PAGE_SIZE);
        SearchResults results = index.search(query);
        String correctedTo = null;
        if (results.total() == 0 && results.suggestion() != null) {
            SearchResults retry = index.search(query.withText(results.suggestion()));
            if (retry.total() > 0) {
                correctedTo = results.suggestion();
                results = retry;
            }
        }
        return new SearchOutcome(new Paged<>(found(results.hits()), page, PAGE_SIZE, results.total()), correctedTo, true,
                results.totalIsAtLeast());
    }

    private List<SearchOutcome.Found> found(List<SearchResults.Hit> hits) {
        Map<Long, ArticleSummary> summaries = articles.publishedSummaries(hits.stream().map(SearchResults.Hit::articleId).toList())
                .stream().collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<SearchOutcome.Found> found = new ArrayList<>(hits.size());
        for (SearchResults.Hit h : hits) {
            ArticleSummary s = summaries.get(h.articleId());
            if (s != null) {
                found.add(new SearchOutcome.Found(s, h.snippetHtml()));
            }
        }
        return found;
    }

    /** Lets pending index work finish, then closes the index. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        related.close();
        index.close();
    }
}
