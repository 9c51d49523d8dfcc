package org.broadsheet.ranking;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.ranking.RankingSite.CHROME;
import static org.broadsheet.ranking.RankingSite.FIREFOX;
import static org.broadsheet.ranking.RankingSite.GOOGLEBOT;

class ServerCountingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @TempDir
    Path dir;
    private RankingSite site;
    private ArticleSummary story;

    @BeforeEach
    void start() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS);
        story = site.publish(NOW.minus(Duration.ofDays(1)), "Council approves the new bridge").get(0);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aReaderCountsOncePerHalfHour() {
        assertThat(site.get(story.url(), FIREFOX).statusCode()).isEqualTo(200);
        site.get(story.url(), FIREFOX);
        site.get(story.url(), FIREFOX);
        site.settle();
        assertThat(site.total(story)).isEqualTo(1);

        site.clock.advance(Duration.ofMinutes(29));
        site.get(story.url(), FIREFOX);
        site.settle();
        assertThat(site.total(story)).isEqualTo(1);

        site.clock.advance(Duration.ofMinutes(2));
        site.get(story.url(), FIREFOX);
        site.settle();
        assertThat(site.total(story)).isEqualTo(2);
    }

    @Test
    void anotherBrowserOrAddressIsAnotherReader() {
        site.get(story.url(), FIREFOX);
        site.get(story.url(), CHROME);
        site.settle();
        assertThat(site.total(story)).isEqualTo(2);
    }

    @Test
    void robotsPrefetchesAndHeadRequestsAreNotReads() {
        site.get(story.url(), GOOGLEBOT);
        site.get(story.url(), "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)");
        site.get(story.url(), "");
        site.get(story.url(), FIREFOX, "Sec-Purpose", "prefetch");
        site.get(story.url(), FIREFOX, "Sec-Purpose", "prefetch;prerender");
        site.get(story.url(), CHROME, "Purpose", "prefetch");
        site.head(story.url(), FIREFOX);
        site.settle();
        assertThat(site.total(story)).isZero();
        assertThat(site.top()).isEmpty();

        site.get(story.url(), FIREFOX);
        site.settle();
        assertThat(site.total(story)).isEqualTo(1);
    }

    @Test
    void readsMoveTheListsAfterTheRecompute() {
        List<ArticleSummary> more = site.publish(NOW.minus(Duration.ofHours(30)), "Storm closes schools", "Election date set");
        read(more.get(1), 3);
        read(more.get(0), 2);
        read(story, 1);
        assertThat(site.top()).as("served from memory until the recompute").isEmpty();
        site.settle();
        assertThat(site.top()).containsExactly("Election date set", "Storm closes schools", "Council approves the new bridge");
        assertThat(site.popular()).containsExactly("Election date set", "Storm closes schools", "Council approves the new bridge");
    }

    @Test
    void aWithdrawnArticleLeavesTheListsAtOnce() {
        read(story, 2);
        site.settle();
        assertThat(site.top()).containsExactly("Council approves the new bridge");
        site.app.database().jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished' WHERE id = ?", story.id()));
        site.app.ranking().published().refresh(story.id());
        assertThat(site.top()).as("before the next recompute").isEmpty();
        assertThat(site.popular()).isEmpty();
        assertThat(site.post("/views/" + story.id(), FIREFOX).statusCode()).as("no beacon route in server mode").isEqualTo(404);
    }

    @Test
    void aFreshSiteHidesItsEmptyBlocks() {
        String page = site.get(story.url(), GOOGLEBOT).body();
        assertThat(page).doesNotContain("Top 5 This Week").doesNotContain("Popular Articles").doesNotContain("data-view-beacon");
        assertThat(site.get("/", GOOGLEBOT).body()).doesNotContain("Top 5 This Week").doesNotContain("Trending now");
    }

    private void read(ArticleSummary a, int readers) {
        for (int i = 0; i < readers; i++) {
            site.get(a.url(), FIREFOX + " reader/" + i);
        }
    }
}
