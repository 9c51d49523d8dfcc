package org.broadsheet.article;

import org.broadsheet.storage.OutOfSpaceLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes embargoed articles when their time comes: every second it asks the desk to publish what is
 * due. Publication is a conditional UPDATE, so each article goes out exactly once however often this
 * runs, on however many nodes, and across restarts. Started and stopped by the composition root.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final ArticleDesk desk;
    private final OutOfSpaceLog spaceLog;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public Scheduler(ArticleDesk desk, Duration interval, OutOfSpaceLog spaceLog) {
        this.spaceLog = spaceLog;
        this.desk = desk;
        this.interval = interval;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "article-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes whatever is due now; returns the ids published by this run. */
    public List<Long> runOnce() {
        List<Long> ids = desk.publishDue();
        if (!ids.isEmpty()) {
            log.info("published on schedule: articles {}", ids);
        }
        return ids;
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            if (!spaceLog.report("scheduled publishing", e)) { // a full disk fails every run alike: once a minute
                log.error("scheduled publishing failed; will retry", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
