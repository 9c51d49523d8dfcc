package org.broadsheet.ranking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Rolling per-article view sums for each ranking window, plus the last few hours in detail for
 * trending, held in memory so that a ranking is a pass over one number per article instead of a scan
 * of the hourly buckets.
 *
 * <p>A window is whole hours: at time {@code now} it holds the hourly buckets from the one containing
 * {@code now − length} up to the current one. The sums are exact for the hour they were built for;
 * when the hour changes the owner ({@link ViewFlusher}) rebuilds them from the database, which is the
 * truth, and in between adds each flushed batch. Thread-safe (one lock; every operation is short).
 */
public final class ViewWindows {

    private final long[] lengths;
    private final TrendingRule trending;
    private long hour = Long.MIN_VALUE;
    private Map<Long, long[]> sums = new HashMap<>();
    /** Per article the views of the last {@code trending.hours()} hours; index 0 is the current hour. */
    private Map<Long, long[]> recent = new HashMap<>();

    public ViewWindows(List<Duration> windows, TrendingRule trending) {
        this.lengths = windows.stream().mapToLong(Duration::toMillis).toArray();
        this.trending = trending;
    }

    /** The hour the sums were built for, or {@link Long#MIN_VALUE} before the first build. */
    public synchronized long hour() {
        return hour;
    }

    /** For each window, the first hour it holds at {@code nowMillis}. */
    public long[] firstHours(long nowMillis) {
        long[] first = new long[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            first[i] = HourlyCount.hourOf(nowMillis - lengths[i]);
        }
        return first;
    }

    /** The first hour trending needs at {@code nowMillis}. */
    public long firstTrendingHour(long nowMillis) {
        return HourlyCount.hourOf(nowMillis) - trending.hours() + 1;
    }

    /** Replaces everything with sums built from the store for the hour of {@code nowMillis}. */
    public synchronized void reset(long nowMillis, Map<Long, long[]> windowSums, List<HourlyCount> recentHours) {
        hour = HourlyCount.hourOf(nowMillis);
        sums = new HashMap<>(windowSums);
        recent = new HashMap<>();
        for (HourlyCount c : recentHours) {
            addRecent(c);
        }
    }

    /** Adds a flushed batch. */
    public synchronized void add(List<HourlyCount> counts) {
        long[] first = firstHours(hour * HourlyCount.HOUR_MILLIS);
        for (HourlyCount c : counts) {
            long[] s = null;
            for (int i = 0; i < first.length; i++) {
                if (c.hour() >= first[i]) {
                    if (s == null) {
                        s = sums.computeIfAbsent(c.articleId(), id -> new long[lengths.length]);
                    }
                    s[i] += c.views();
                }
            }
            addRecent(c);
        }
    }

    private void addRecent(HourlyCount c) {
        long age = hour - c.hour();
        if (age >= 0 && age < trending.hours()) {
            recent.computeIfAbsent(c.articleId(), id -> new long[trending.hours()])[(int) age] += c.views();
        }
    }

    /**
     * The {@code size} most-read visible articles of a window, most-read first; ties go to the newer
     * article. Articles without views are never listed.
     */
    public synchronized List<Long> top(int window, int size, PublishedArticles published, long nowMillis) {
        PriorityQueue<Ranked> heap = new PriorityQueue<>(size + 1, Ranked.ORDER);
        for (Map.Entry<Long, long[]> e : sums.entrySet()) {
            long views = e.getValue()[window];
            if (views <= 0) {
                continue;
            }
            if (heap.size() == size && views < heap.peek().views) {
                continue;
            }
            long id = e.getKey();
            long at = published.publishedAt(id, nowMillis);
            if (at == PublishedArticles.NOT_VISIBLE) {
                continue;
            }
            offer(heap, new Ranked(id, views, at), size);
        }
        return drainBestFirst(heap);
    }

    /** Articles rising fastest against their own earlier rate, best first (see {@link TrendingRule}). */
    public synchronized List<Long> trending(int size, PublishedArticles published, long nowMillis) {
        long recentStart = (hour - trending.recentHours() + 1) * HourlyCount.HOUR_MILLIS;
        double recentElapsedHours = Math.max(trending.recentHours() - 1
                + (double) (nowMillis - hour * HourlyCount.HOUR_MILLIS) / HourlyCount.HOUR_MILLIS, 0.25);
        PriorityQueue<Ranked> heap = new PriorityQueue<>(size + 1, Ranked.ORDER);
        for (Map.Entry<Long, long[]> e : recent.entrySet()) {
            long[] h = e.getValue();
            long recentViews = 0;
            for (int i = 0; i < trending.recentHours(); i++) {
                recentViews += h[i];
            }
            if (recentViews < trending.minViews()) {
                continue;
            }
            long at = published.publishedAt(e.getKey(), nowMillis);
            if (at == PublishedArticles.NOT_VISIBLE) {
                continue;
            }
            long baselineViews = 0;
            for (int i = trending.recentHours(); i < h.length; i++) {
                baselineViews += h[i];
            }
            // Hours before publication had no chance to be read: they would make every new story look like a surge.
            double baselineHours = Math.min(trending.baselineHours(), (recentStart - at) / (double) HourlyCount.HOUR_MILLIS);
            double rate = baselineHours >= 1 ? baselineViews / baselineHours : 0;
            double score = (recentViews + trending.smoothing()) / (rate * recentElapsedHours + trending.smoothing());
            if (score > trending.minScore()) {
                offer(heap, new Ranked(e.getKey(), score, at), size);
            }
        }
        return drainBestFirst(heap);
    }

    private static void offer(PriorityQueue<Ranked> heap, Ranked r, int size) {
        heap.add(r);
        if (heap.size() > size) {
            heap.poll();
        }
    }

    private static List<Long> drainBestFirst(PriorityQueue<Ranked> heap) {
        List<Long> ids = new ArrayList<>(heap.size());
        while (!heap.isEmpty()) {
            ids.add(heap.poll().id);
        }
        java.util.Collections.reverse(ids);
        return ids;
    }

    /** A candidate; {@link #ORDER} puts the weakest first (a min-heap keeps the best). */
    private record Ranked(long id, double views, long publishedAt) {
        static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::views)
                .thenComparingLong(Ranked::publishedAt)
                .thenComparingLong(Ranked::id);
    }
}
