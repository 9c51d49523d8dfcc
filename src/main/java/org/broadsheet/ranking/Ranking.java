package org.broadsheet.ranking;

import org.broadsheet.storage.OutOfSpaceLog;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Rankings;
import org.broadsheet.config.RankingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;

/**
 * The ranking feature assembled: view counting, storage, the background {@link ViewFlusher} and
 * {@link RankingRefresher}, and the {@link Rankings} the pages read. Built by the composition root,
 * which starts it once the site is up and closes it (flushing pending counts) at shutdown.
 */
public final class Ranking implements AutoCloseable {

    /** Distinct (visitor, article) reads remembered for deduplication within 30 minutes. */
    private static final long MAX_REMEMBERED_READS = 1_000_000;

    private final RankingSettings settings;
    private final PublishedArticles published;
    private final ReadCounter reads;
    private final ViewStore store;
    private final RankingService rankings;
    private final ViewFlusher flusher;
    private final RankingRefresher refresher;

    private Ranking(RankingSettings settings, PublishedArticles published, ReadCounter reads, ViewStore store,
                    RankingService rankings, ViewFlusher flusher, RankingRefresher refresher) {
        this.settings = settings;
        this.published = published;
        this.reads = reads;
        this.store = store;
        this.rankings = rankings;
        this.flusher = flusher;
        this.refresher = refresher;
    }

    /** Builds the feature and its first lists from the store (the truth); nothing runs in the background yet. */
    public static Ranking create(Jdbi jdbi, ArticleService articles, RankingSettings settings, Clock clock,
                                 MeterRegistry metrics, OutOfSpaceLog spaceLog) {
        PublishedArticles published = new PublishedArticles(articles);
        published.reload();
        ViewCounter counter = new ViewCounter(clock, MAX_REMEMBERED_READS);
        ReadCounter reads = new ReadCounter(clock, new VisitorHasher(clock), new BotDetector(), counter, published);
        ViewStore store = new ViewStore(jdbi);
        ViewWindows windows = new ViewWindows(List.of(settings.topWindow(), settings.popularWindow()), TrendingRule.DEFAULT);
        RankingService rankings = new RankingService(windows, published, articles, settings, clock);
        ViewFlusher flusher = new ViewFlusher(counter, store, windows, new ViewRollup(store), clock, settings.flushInterval(),
                Timer.builder("broadsheet.views.flush").description("Writing buffered view counts").register(metrics), spaceLog);
        RankingRefresher refresher = new RankingRefresher(flusher, rankings, published,
                Timer.builder("broadsheet.rankings.recompute").description("Recomputing the ranking lists").register(metrics), spaceLog);
        refresher.refresh();
        articles.addListener(refresher::onChange);
        return new Ranking(settings, published, reads, store, rankings, flusher, refresher);
    }

    /** Starts the background flusher and refresher. */
    public void start() {
        flusher.start();
        refresher.start();
    }

    /** Stops the background work and writes pending counts. */
    @Override
    public void close() {
        refresher.stop();
        flusher.stop();
    }

    public RankingSettings settings() {
        return settings;
    }

    /** Where the web adapter offers reads. */
    public ReadCounter reads() {
        return reads;
    }

    /** The lists the pages show. */
    public Rankings rankings() {
        return rankings;
    }

    /** Runs {@code listener} whenever a recompute changes a list (e.g. to drop cached pages that show them). */
    public void onListsChanged(Runnable listener) {
        rankings.onListsChanged(listener);
    }

    public ViewStore store() {
        return store;
    }

    public PublishedArticles published() {
        return published;
    }

    /** Writes pending counts now rather than at the next interval. */
    public void flushNow() {
        flusher.flush();
    }

    /** Recomputes the lists now rather than at the next period. */
    public void refreshNow() {
        refresher.refresh();
    }
}
