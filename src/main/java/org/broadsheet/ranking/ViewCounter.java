package org.broadsheet.ranking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts reads in memory: at most once per visitor per article per {@link #DEDUP_WINDOW}, summed per
 * article and hour, until {@link ViewFlusher} drains them into the database. Never touches the database.
 * Thread-safe and lock-free on the recording path.
 */
public final class ViewCounter {

    /** A visitor who reads an article again within this time is not counted again. */
    public static final Duration DEDUP_WINDOW = Duration.ofMinutes(30);

    private record Bucket(long articleId, long hour) {
    }

    private final Clock clock;
    private final RecentReads seen;
    private final ConcurrentHashMap<Bucket, LongAdder> pending = new ConcurrentHashMap<>();

    /**
     * @param maxRemembered bound on the deduplication memory; beyond this many distinct reads within
     *                      {@link #DEDUP_WINDOW} the oldest are forgotten early (a flood then may count a
     *                      repeat read, but memory stays bounded)
     */
    public ViewCounter(Clock clock, long maxRemembered) {
        this.clock = clock;
        this.seen = new RecentReads(DEDUP_WINDOW.toMillis(), maxRemembered, clock.millis());
    }

    /** Counts a read unless this visitor was counted for this article within the last 30 minutes. */
    public boolean count(long visitor, long articleId) {
        long now = clock.millis();
        if (!seen.firstRead(visitor, articleId, now)) {
            return false;
        }
        Bucket bucket = new Bucket(articleId, HourlyCount.hourOf(now));
        LongAdder adder = pending.get(bucket);
        if (adder == null) {
            adder = pending.computeIfAbsent(bucket, b -> new LongAdder());
        }
        adder.increment();
        return true;
    }

    /**
     * Takes every count recorded so far. Buckets of the current and the previous hour stay in place (a
     * reader thread may still hold them); older ones are removed first and read afterwards, so a late
     * increment is never lost.
     */
    List<HourlyCount> drain() {
        long oldestLive = HourlyCount.hourOf(clock.millis()) - 1;
        List<HourlyCount> out = new ArrayList<>();
        for (Map.Entry<Bucket, LongAdder> e : pending.entrySet()) {
            Bucket b = e.getKey();
            if (b.hour() < oldestLive) {
                pending.remove(b, e.getValue());
            }
            long views = e.getValue().sumThenReset();
            if (views > 0) {
                out.add(new HourlyCount(b.articleId(), b.hour(), views));
            }
        }
        return out;
    }

    /** Puts counts back that could not be written, so the next flush tries again. */
    void restore(List<HourlyCount> counts) {
        for (HourlyCount c : counts) {
            pending.computeIfAbsent(new Bucket(c.articleId(), c.hour()), b -> new LongAdder()).add(c.views());
        }
    }
}
