package org.broadsheet.ranking;

import org.broadsheet.storage.OutOfSpaceLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread running a task at a fixed delay, for the feature's background workers. A
 * failing run is logged and the schedule goes on; a run failing for lack of disk space is reported to the
 * {@link OutOfSpaceLog} instead, once a minute. Thread-safe.
 */
final class NamedSchedule {

    private static final Logger log = LoggerFactory.getLogger(NamedSchedule.class);

    private final String threadName;
    private final OutOfSpaceLog spaceLog;
    private ScheduledExecutorService executor;

    NamedSchedule(String threadName, OutOfSpaceLog spaceLog) {
        this.threadName = threadName;
        this.spaceLog = spaceLog;
    }

    synchronized void start(Duration period, Runnable task) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!spaceLog.report(threadName, e)) {
                    log.error("{} failed; it runs again in {} s", threadName, period.toSeconds(), e);
                }
            }
        };
        executor.scheduleWithFixedDelay(guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule, letting a run in progress finish (or interrupting it), and waits for the thread. */
    void stop(boolean interrupt) {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
        }
        if (e == null) {
            return;
        }
        if (interrupt) {
            e.shutdownNow();
        } else {
            e.shutdown();
        }
        try {
            if (!e.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("{} did not finish its last run in time", threadName);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a one-off job on the schedule's thread; false when the schedule is not running. */
    boolean execute(Runnable job) {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e == null) {
            return false;
        }
        try {
            e.execute(job);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }
}
