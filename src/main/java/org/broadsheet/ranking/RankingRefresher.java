package org.broadsheet.ranking;

import org.broadsheet.article.ArticleChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background recompute of the rankings, every {@link #PERIOD} on its own thread ("ranking-refresher"),
 * so pages only ever read lists from memory. Also follows article changes (publish, withdraw) into
 * {@link PublishedArticles} off the editor's thread. Started and stopped by the composition root.
 */
public final class RankingRefresher {

    /** How stale a ranking may get. */
    public static final Duration PERIOD = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(RankingRefresher.class);

    private final ViewFlusher flusher;
    private final RankingService rankings;
    private final PublishedArticles published;
    private ScheduledExecutorService executor;

    public RankingRefresher(ViewFlusher flusher, RankingService rankings, PublishedArticles published) {
        this.flusher = flusher;
        this.rankings = rankings;
        this.published = published;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ranking-refresher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refreshQuietly, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
        }
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Brings the windows to the current hour and recomputes the lists now. */
    public void refresh() {
        flusher.catchUp();
        rankings.recompute();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.error("ranking recompute failed; the previous lists stay in place", e);
        }
    }

    /** An {@link org.broadsheet.article.ArticleListener}: follows the article on the refresher's thread. */
    public void onChange(ArticleChange change) {
        if (change.kind() == ArticleChange.Kind.BACKSTAGE) {
            return;
        }
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
        }
        Runnable follow = () -> {
            try {
                published.refresh(change.articleId());
            } catch (RuntimeException ex) {
                log.error("could not follow article {} into the rankings", change.articleId(), ex);
            }
        };
        try {
            if (e != null) {
                e.execute(follow);
                return;
            }
        } catch (RejectedExecutionException ignored) {
            // stopping: follow it here instead
        }
        follow.run();
    }
}
