package org.broadsheet.ranking;

import io.micrometer.core.instrument.Timer;

import org.broadsheet.storage.OutOfSpaceLog;
import org.broadsheet.article.ArticleChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

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
    private final NamedSchedule schedule;

    private final Timer timer;

    public RankingRefresher(ViewFlusher flusher, RankingService rankings, PublishedArticles published, Timer timer,
                            OutOfSpaceLog spaceLog) {
        this.schedule = new NamedSchedule("ranking-refresher", spaceLog);
        this.timer = timer;
        this.flusher = flusher;
        this.rankings = rankings;
        this.published = published;
    }

    public void start() {
        schedule.start(PERIOD, this::refresh);
    }

    public void stop() {
        schedule.stop(true);
    }

    /** Brings the windows to the current hour and recomputes the lists now. */
    public void refresh() {
        timer.record(() -> {
            flusher.catchUp();
            rankings.recompute();
        });
    }

    /** An {@link org.broadsheet.article.ArticleListener}: follows the article on the refresher's thread. */
    public void onChange(ArticleChange change) {
        if (change.kind() == ArticleChange.Kind.BACKSTAGE) {
            return;
        }
        Runnable follow = () -> {
            try {
                published.refresh(change.articleId());
            } catch (RuntimeException ex) {
                log.error("could not follow article {} into the rankings", change.articleId(), ex);
            }
        };
        if (!schedule.execute(follow)) {
            follow.run();
        }
    }
}
