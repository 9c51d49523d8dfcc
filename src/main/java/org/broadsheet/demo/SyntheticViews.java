package org.broadsheet.demo;

import org.broadsheet.ranking.HourlyCount;
import org.broadsheet.ranking.ViewStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reading history for generated articles, as the live view counter would have written it. Only articles
 * published in the last {@code days} days are read (at most 90: older hours would already be rolled into
 * days). Each gets hourly buckets for its first {@value #FIRST_HOURS} hours, decaying from a peak in the hour
 * after publication; the peak is log-normal, so a few articles are read a hundred times more than the
 * typical one. One article in ten keeps being read: one bucket a day, at a random hour, up to now. No bucket
 * starts before the publication hour or after the current one. That makes about 32 rows a recent article
 * (hours that round to no reads are left out). Stored through {@link ViewStore#add} in calls of about
 * {@value #BATCH} counts. Deterministic for a seed and a time. Not thread-safe.
 */
final class SyntheticViews {

    static final int BATCH = 50_000;
    private static final int FIRST_HOURS = 36;
    private static final double DECAY_HOURS = 7;
    private static final double LONG_TAIL_SHARE = 0.1;
    private static final double MEDIAN_PEAK = 30;
    private static final double PEAK_SIGMA = 1.3;

    private final ViewStore store;
    private final long nowHour;
    private final long since;
    private final SplittableRandom random;
    private final List<HourlyCount> pending = new ArrayList<>(BATCH + 200);
    private long stored;

    SyntheticViews(ViewStore store, int days, Instant now, long seed) {
        this.store = store;
        this.nowHour = HourlyCount.hourOf(now.toEpochMilli());
        this.since = days <= 0 ? Long.MAX_VALUE : now.minus(Duration.ofDays(days)).toEpochMilli();
        this.random = new SplittableRandom(seed ^ 0x7669657773L);
    }

    /** Writes the views of those of these articles published inside the window, storing whenever a batch is full. */
    void add(List<SyntheticNews.Stored> articles) {
        for (SyntheticNews.Stored article : articles) {
            if (article.publishedAt().toEpochMilli() >= since) {
                history(HourlyCount.hourOf(article.publishedAt().toEpochMilli()), article.id());
                if (pending.size() >= BATCH) {
                    flush();
                }
            }
        }
    }

    /** Stores what is pending. */
    void flush() {
        if (!pending.isEmpty()) {
            store.add(pending);
            stored += pending.size();
            pending.clear();
        }
    }

    /** Hourly buckets generated so far, stored or waiting for their batch. */
    long count() {
        return stored + pending.size();
    }

    private void history(long firstHour, long articleId) {
        double peak = MEDIAN_PEAK * Math.exp(PEAK_SIGMA * random.nextGaussian());
        for (int h = 0; h < FIRST_HOURS && firstHour + h <= nowHour; h++) {
            // The publication hour is only partly over when the article appears.
            double share = h == 0 ? 0.5 : Math.exp(-(h - 1) / DECAY_HOURS);
            count(articleId, firstHour + h, Math.round(peak * share * noise()));
        }
        if (random.nextDouble() < LONG_TAIL_SHARE) {
            for (int day = 0; ; day++) {
                long hour = firstHour + FIRST_HOURS + day * 24L + random.nextInt(24);
                if (hour > nowHour) {
                    break;
                }
                count(articleId, hour, Math.max(1, Math.round(peak * 0.05 / Math.sqrt(day + 1) * noise())));
            }
        }
    }

    private void count(long articleId, long hour, long views) {
        if (views > 0) {
            pending.add(new HourlyCount(articleId, hour, views));
        }
    }

    private double noise() {
        return 0.8 + 0.4 * random.nextDouble();
    }
}
