package org.broadsheet.ranking;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers which visitor read which article in the last {@code window}, to count each read once.
 * Two generations of a concurrent map, each spanning at most one window: a read is a repeat if it is
 * in the current generation, or in the previous one less than a window ago; older generations are
 * dropped whole, so expiry costs nothing per entry. When a generation fills up (a flood of distinct
 * readers) it is retired early: memory stays bounded, and at worst a repeat read is counted again.
 *
 * <p>Chosen over a Caffeine cache with {@code expireAfterWrite}: every read inserts a new entry, and the
 * cache's per-entry bookkeeping made recording several times slower (see bench/README.md). Thread-safe,
 * lock-free except for the rare rotation.
 */
final class RecentReads {

    private record Generation(long start, ConcurrentHashMap<Long, Long> firstSeen, AtomicLong size) {
        static Generation startingAt(long start) {
            return new Generation(start, new ConcurrentHashMap<>(1024), new AtomicLong());
        }
    }

    private final long windowMillis;
    private final long maxPerGeneration;
    private volatile Generation current;
    private volatile Generation previous;

    RecentReads(long windowMillis, long maxRemembered, long nowMillis) {
        this.windowMillis = windowMillis;
        this.maxPerGeneration = Math.max(1, maxRemembered / 2);
        this.current = Generation.startingAt(nowMillis);
        this.previous = Generation.startingAt(nowMillis - windowMillis);
    }

    /** True the first time this visitor reads this article within the window, false for a repeat. */
    boolean firstRead(long visitor, long articleId, long nowMillis) {
        Long key = visitor ^ (articleId * 0x9E3779B97F4A7C15L);
        Generation cur = current;
        if (nowMillis - cur.start() >= windowMillis || cur.size().get() >= maxPerGeneration) {
            cur = rotate(nowMillis);
        }
        Long seen = previous.firstSeen().get(key);
        if (seen != null && nowMillis - seen < windowMillis) {
            return false;
        }
        seen = cur.firstSeen().putIfAbsent(key, nowMillis);
        if (seen == null) {
            cur.size().incrementAndGet();
            return true;
        }
        // Only when the clock was set back (tests, a corrected system clock) can a current entry be stale.
        return nowMillis - seen >= windowMillis && cur.firstSeen().replace(key, seen, nowMillis);
    }

    private synchronized Generation rotate(long nowMillis) {
        Generation cur = current;
        if (nowMillis - cur.start() >= 2 * windowMillis) {
            previous = Generation.startingAt(nowMillis - windowMillis);
            current = Generation.startingAt(nowMillis);
        } else if (nowMillis - cur.start() >= windowMillis || cur.size().get() >= maxPerGeneration) {
            previous = cur;
            current = Generation.startingAt(nowMillis);
        }
        return current;
    }
}
