package org.broadsheet.ranking;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.ranking.RankingSite.FIREFOX;

class ConcurrentCountingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:59:59Z");

    @TempDir
    Path dir;

    @Test
    void manyThreadsRecordingWhileFlushingGiveExactTotals() throws Exception {
        int threads = 16;
        int readersPerThread = 5_000;
        try (RankingSite site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS)) {
            List<ArticleSummary> stories = site.publish(NOW.minus(Duration.ofDays(1)), "First", "Second", "Third");
            ReadCounter reads = site.app.ranking().reads();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < readersPerThread; r++) {
                        String address = "10." + thread + "." + (r / 250) + "." + (r % 250);
                        for (ArticleSummary s : stories) {
                            reads.pageRead(s.id(), address, FIREFOX, false);
                            reads.pageRead(s.id(), address, FIREFOX, false);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            // Flush while the threads write, across an hour boundary, so drains race increments.
            boolean movedHour = false;
            while (!done.stream().allMatch(Future::isDone)) {
                site.app.ranking().flushNow();
                if (!movedHour) {
                    site.clock.advance(Duration.ofSeconds(2));
                    movedHour = true;
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            site.app.ranking().flushNow();
            for (ArticleSummary s : stories) {
                assertThat(site.total(s)).isEqualTo((long) threads * readersPerThread);
                long hourly = site.app.ranking().store().hourlyViews(s.id()).stream().mapToLong(HourlyCount::views).sum();
                assertThat(hourly).isEqualTo((long) threads * readersPerThread);
            }
        }
    }
}
