package org.broadsheet.ranking;

import org.broadsheet.storage.OutOfSpaceLog;
import io.micrometer.core.instrument.Timer;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Background writer of view counts: every flush interval (10 s at most) it drains {@link ViewCounter}
 * into the database in one transaction, then adds the batch to the in-memory {@link ViewWindows}; when
 * the hour changes it rebuilds the windows from the database, and once a day it runs {@link ViewRollup}.
 * All view writes happen on its one thread ("view-flusher"), which suits SQLite's single writer.
 *
 * <p>Durability: counts live only in memory until the next flush, so a crash loses at most one flush
 * interval of reads. {@link #stop()} flushes what is pending. A failed write keeps the batch for the
 * next attempt. Started and stopped by the composition root.
 */
public final class ViewFlusher {

    private static final long DAY_MILLIS = 86_400_000L;

    private final ViewCounter counter;
    private final ViewStore store;
    private final ViewWindows windows;
    private final ViewRollup rollup;
    private final Clock clock;
    private final Duration interval;
    private final NamedSchedule schedule;
    private final Timer timer;
    private long rolledUpDay = Long.MIN_VALUE;

    public ViewFlusher(ViewCounter counter, ViewStore store, ViewWindows windows, ViewRollup rollup, Clock clock,
                       Duration interval, Timer timer, OutOfSpaceLog spaceLog) {
        this.schedule = new NamedSchedule("view-flusher", spaceLog);
        this.timer = timer;
        this.counter = counter;
        this.store = store;
        this.windows = windows;
        this.rollup = rollup;
        this.clock = clock;
        this.interval = interval;
    }

    public void start() {
        schedule.start(interval, this::flush);
    }

    /** Stops the schedule and writes what is still pending. */
    public void stop() {
        schedule.stop(false);
        try {
            flush();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ViewFlusher.class).error("the last view flush failed at shutdown", e);
        }
    }

    /**
     * Writes pending counts now (the schedule does this on its own; tests and shutdown call it). Rolls
     * the windows over first when the hour has changed.
     *
     * @return how many hourly buckets were written
     */
    public synchronized int flush() {
        long started = System.nanoTime();
        try {
            return flushNow();
        } finally {
            timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private int flushNow() {
        long now = clock.millis();
        catchUp(now);
        List<HourlyCount> batch = counter.drain();
        try {
            store.add(batch);
        } catch (RuntimeException e) {
            counter.restore(batch);
            throw e;
        }
        windows.add(batch);
        return batch.size();
    }

    /** Brings the in-memory windows (and the daily roll-up) up to the current hour. */
    public synchronized void catchUp() {
        catchUp(clock.millis());
    }

    private void catchUp(long now) {
        long day = Math.floorDiv(now, DAY_MILLIS);
        if (day != rolledUpDay) {
            rollup.run(now);
            rolledUpDay = day;
        }
        if (HourlyCount.hourOf(now) != windows.hour()) {
            windows.reset(now, store.sumsSince(windows.firstHours(now)), store.hoursSince(windows.firstTrendingHour(now)));
        }
    }
}
