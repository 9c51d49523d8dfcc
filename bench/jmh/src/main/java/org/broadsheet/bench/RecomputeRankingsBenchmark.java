package org.broadsheet.bench;

import org.broadsheet.ranking.HourlyCount;
import org.broadsheet.ranking.PublishedArticles;
import org.broadsheet.ranking.TrendingRule;
import org.broadsheet.ranking.ViewWindows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Recomputing Top 5 This Week, Popular Articles (30 days) and Trending now with 100,000 articles and
 * 90 days of hourly buckets: articles published evenly over the 90 days, each read every hour from its
 * publication for {@code activeDays} days with a decaying rate (100,000 × 24 × 14 = 33.6 million hourly
 * buckets with the default). The sums are built from those buckets exactly as the rebuild from the
 * database does; the measured operation is the recompute the background refresher runs every minute.
 * The one database query that follows (the summaries of the ≤ 15 winners) is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecomputeRankingsBenchmark {

    @Param("100000")
    int articles;

    @Param("14")
    int activeDays;

    private static final long HOUR = HourlyCount.HOUR_MILLIS;
    private static final int DAYS = 90;

    private ViewWindows windows;
    private PublishedArticles published;
    private long now;

    @Setup(Level.Trial)
    public void setUp() {
        now = System.currentTimeMillis();
        long nowHour = HourlyCount.hourOf(now);
        windows = new ViewWindows(List.of(Duration.ofDays(7), Duration.ofDays(30)), TrendingRule.DEFAULT);
        published = new PublishedArticles(null);
        long[] first = windows.firstHours(now);
        long firstTrending = windows.firstTrendingHour(now);
        Map<Long, long[]> sums = new HashMap<>();
        List<HourlyCount> recent = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        long buckets = 0;
        for (long id = 1; id <= articles; id++) {
            long publishedHour = nowHour - (long) DAYS * 24 + (id - 1) * DAYS * 24 / articles;
            published.put(id, publishedHour * HOUR);
            int appeal = 1 + random.nextInt(200);
            long[] s = new long[2];
            for (long h = publishedHour; h <= nowHour && h < publishedHour + activeDays * 24L; h++) {
                long age = h - publishedHour;
                long views = Math.max(1, appeal * 24 / (age + 24));
                buckets++;
                for (int w = 0; w < 2; w++) {
                    if (h >= first[w]) {
                        s[w] += views;
                    }
                }
                if (h >= firstTrending) {
                    recent.add(new HourlyCount(id, h, views));
                }
            }
            if (s[1] > 0) {
                sums.put(id, s);
            }
        }
        windows.reset(now, sums, recent);
        System.out.printf("%n%,d articles, %,d hourly buckets over %d days; %,d articles read in the last 30 days%n",
                articles, buckets, DAYS, sums.size());
    }

    @Benchmark
    public Object recompute() {
        List<Long> top = windows.top(0, 5, published, now);
        List<Long> popular = windows.top(1, 5, published, now);
        List<Long> trending = windows.trending(5, published, now);
        return new Object[]{top, popular, trending};
    }
}
