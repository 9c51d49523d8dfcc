package org.broadsheet.ranking;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.ranking.RankingSite.FIREFOX;

/**
 * The rolling windows, with the clock moved by hand. Windows are whole hours (reads are kept per hour),
 * so "now" sits on an hour boundary where the edge of the window is exact.
 */
class RankingWindowsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    private RankingSite site;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aReadSevenDaysMinusOneSecondAgoCountsAndSevenDaysPlusOneSecondDoesNot() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        List<ArticleSummary> a = site.publish(NOW.minus(Duration.ofDays(20)), "Inside the week", "Outside the week");
        readAt(NOW.minus(Duration.ofDays(7)).plus(SECOND), a.get(0), 1);
        readAt(NOW.minus(Duration.ofDays(7)).minus(SECOND), a.get(1), 1);
        site.clock.set(NOW);
        site.settle();
        assertThat(site.top()).containsExactly("Inside the week");
        assertThat(site.popular()).containsExactlyInAnyOrder("Inside the week", "Outside the week");
    }

    @Test
    void aReadThirtyDaysMinusOneSecondAgoIsPopularAndThirtyDaysPlusOneSecondIsNot() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        List<ArticleSummary> a = site.publish(NOW.minus(Duration.ofDays(60)), "Inside the month", "Outside the month");
        readAt(NOW.minus(Duration.ofDays(30)).plus(SECOND), a.get(0), 1);
        readAt(NOW.minus(Duration.ofDays(30)).minus(SECOND), a.get(1), 1);
        site.clock.set(NOW);
        site.settle();
        assertThat(site.popular()).containsExactly("Inside the month");
        assertThat(site.top()).isEmpty();
    }

    @Test
    void theWeekRollsOnAsTheClockMoves() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        ArticleSummary a = site.publish(NOW.minus(Duration.ofDays(1)), "Old news").get(0);
        readAt(NOW, a, 2);
        site.settle();
        assertThat(site.top()).containsExactly("Old news");
        site.clock.set(NOW.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(59)));
        site.settle();
        assertThat(site.top()).as("the hour of the reads is still inside").containsExactly("Old news");
        site.clock.set(NOW.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        site.settle();
        assertThat(site.top()).isEmpty();
        assertThat(site.popular()).containsExactly("Old news");
    }

    @Test
    void tiesGoToTheNewerArticle() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        ArticleSummary older = site.publish(NOW.minus(Duration.ofDays(3)), "Older story").get(0);
        ArticleSummary newer = site.publish(NOW.minus(Duration.ofDays(2)), "Newer story").get(0);
        ArticleSummary most = site.publish(NOW.minus(Duration.ofDays(4)), "Most read story").get(0);
        readAt(NOW, older, 2);
        readAt(NOW, newer, 2);
        readAt(NOW, most, 3);
        site.settle();
        assertThat(site.top()).containsExactly("Most read story", "Newer story", "Older story");
    }

    @Test
    void windowsAndSizesAreConfigurable() {
        RankingSettings d = RankingSettings.DEFAULTS;
        site = new RankingSite(dir, NOW, new RankingSettings(d.counting(), 0, Duration.ofDays(1), 2, Duration.ofDays(3), 1,
                d.trendingSize(), d.flushInterval()));
        List<ArticleSummary> a = site.publish(NOW.minus(Duration.ofDays(10)), "One", "Two", "Three");
        readAt(NOW.minus(Duration.ofDays(2)), a.get(0), 5);
        readAt(NOW.minus(Duration.ofHours(5)), a.get(1), 2);
        readAt(NOW.minus(Duration.ofHours(5)), a.get(2), 1);
        site.clock.set(NOW);
        site.settle();
        assertThat(site.top()).containsExactly("Two", "Three");
        assertThat(site.popular()).containsExactly("One");
    }

    @Test
    void trendingShowsAFastRiserBeforeItPilesUpATotal() {
        Instant now = NOW.plus(Duration.ofMinutes(30));
        site = new RankingSite(dir, now, RankingSettings.DEFAULTS);
        ArticleSummary steady = site.publish(NOW.minus(Duration.ofDays(5)), "Steady favourite").get(0);
        ArticleSummary riser = site.publish(NOW.minus(Duration.ofHours(1)), "Breaking riser").get(0);
        for (int h = 26; h >= 0; h--) {
            readAt(now.minus(Duration.ofHours(h)), steady, 10);
        }
        readAt(now.minus(Duration.ofMinutes(20)), riser, 25);
        site.clock.set(now);
        site.settle();
        assertThat(site.top()).first().isEqualTo("Steady favourite");
        assertThat(site.trending()).containsExactly("Breaking riser");
    }

    @Test
    void aHandfulOfReadsDoesNotTrend() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        ArticleSummary a = site.publish(NOW.minus(Duration.ofHours(2)), "Quiet story").get(0);
        readAt(NOW, a, 4);
        site.settle();
        assertThat(site.top()).containsExactly("Quiet story");
        assertThat(site.trending()).isEmpty();
    }

    @Test
    void embargoedArticlesAreNotRanked() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        ArticleSummary a = site.publish(NOW.minus(Duration.ofHours(2)), "Visible").get(0);
        ArticleSummary embargoed = site.publish(NOW.plus(Duration.ofDays(1)), "Embargoed").get(0);
        readAt(NOW, a, 1);
        site.app.ranking().reads().pageRead(embargoed.id(), "10.0.0.1", FIREFOX, false);
        site.settle();
        assertThat(site.top()).containsExactly("Visible");
    }

    /** Distinct readers read the article at the given moment, and the counts are flushed. */
    private void readAt(Instant when, ArticleSummary a, int readers) {
        site.clock.set(when);
        for (int i = 0; i < readers; i++) {
            site.app.ranking().reads().pageRead(a.id(), "192.0.2." + (i % 250), FIREFOX + " r" + i, false);
        }
        site.app.ranking().flushNow();
    }
}
