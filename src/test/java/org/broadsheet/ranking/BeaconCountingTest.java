package org.broadsheet.ranking;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.RankingSettings.ViewCounting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.ranking.RankingSite.FIREFOX;
import static org.broadsheet.ranking.RankingSite.GOOGLEBOT;

class BeaconCountingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @TempDir
    Path dir;
    private RankingSite site;
    private ArticleSummary story;

    @BeforeEach
    void start() {
        site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS.withCounting(ViewCounting.BEACON));
        story = site.publish(NOW.minus(Duration.ofDays(1)), "Harbour reopens after the storm").get(0);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void thePageCarriesTheBeaconAndItsRenderingCountsNothing() {
        String page = site.get(story.url(), FIREFOX).body();
        assertThat(page).containsPattern("<script src=\"/assets/views\\.[0-9a-f]{12}\\.js\" data-view-beacon=\"/views/"
                + story.id() + "\" defer></script>");
        site.settle();
        assertThat(site.total(story)).isZero();
        String script = page.replaceAll("(?s).*<script src=\"(/assets/views[^\"]+)\".*", "$1");
        assertThat(site.get(script, FIREFOX).body()).contains("navigator.sendBeacon");
    }

    @Test
    void aBeaconCountsOncePerReaderAndAnswers204() {
        assertThat(site.post("/views/" + story.id(), FIREFOX, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(204);
        assertThat(site.post("/views/" + story.id(), FIREFOX, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(204);
        site.settle();
        assertThat(site.total(story)).isEqualTo(1);
        assertThat(site.top()).containsExactly("Harbour reopens after the storm");
    }

    @Test
    void onlyPublishedArticlesCanBeCounted() {
        ArticleSummary embargoed = site.publish(NOW.plus(Duration.ofDays(2)), "Budget details").get(0);
        assertThat(site.post("/views/" + embargoed.id(), FIREFOX).statusCode()).isEqualTo(204);
        assertThat(site.post("/views/987654", FIREFOX).statusCode()).isEqualTo(204);
        site.settle();
        assertThat(site.total(embargoed)).isZero();
        assertThat(site.total(story)).isZero();
    }

    @Test
    void robotsAndOtherSitesCannotCount() {
        site.post("/views/" + story.id(), GOOGLEBOT);
        site.post("/views/" + story.id(), FIREFOX, "Sec-Fetch-Site", "cross-site");
        site.post("/views/" + story.id(), FIREFOX, "Origin", "https://elsewhere.example");
        site.settle();
        assertThat(site.total(story)).isZero();
    }

    @Test
    void oneVisitorCannotInflateCountsAcrossArticles() {
        var many = site.publish(NOW.minus(Duration.ofHours(3)), headlines(ReadCounter.BEACONS_PER_VISITOR + 10));
        for (ArticleSummary a : many) {
            assertThat(site.post("/views/" + a.id(), FIREFOX).statusCode()).isEqualTo(204);
        }
        site.settle();
        long counted = many.stream().mapToLong(site::total).sum();
        assertThat(counted).isEqualTo(ReadCounter.BEACONS_PER_VISITOR);

        site.clock.advance(ReadCounter.LIMIT_PERIOD.plusSeconds(1));
        site.post("/views/" + many.get(many.size() - 1).id(), FIREFOX);
        site.settle();
        assertThat(many.stream().mapToLong(site::total).sum()).isEqualTo(ReadCounter.BEACONS_PER_VISITOR + 1);
    }

    @Test
    void malformedReportsGetAClearMessage() {
        var response = site.post("/views/not-a-number", FIREFOX);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The article id must be a positive whole number.");
        assertThat(site.post("/views/-4", FIREFOX).statusCode()).isEqualTo(400);
        assertThat(site.post("/views/99999999999999999999999", FIREFOX).statusCode()).isEqualTo(400);
    }

    private static String[] headlines(int n) {
        String[] h = new String[n];
        for (int i = 0; i < n; i++) {
            h[i] = "Story number " + (i + 1);
        }
        return h;
    }
}
