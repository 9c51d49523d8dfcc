package org.broadsheet.ranking;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadsheet.ranking.RankingSite.FIREFOX;

class RestartTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @TempDir
    Path dir;

    @Test
    void countsAndListsSurviveARestart() {
        try (RankingSite site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS)) {
            List<ArticleSummary> stories = site.publish(NOW.minus(Duration.ofDays(2)), "Kept story", "Other story");
            for (int i = 0; i < 3; i++) {
                site.get(stories.get(0).url(), FIREFOX + " reader/" + i);
            }
            site.get(stories.get(1).url(), FIREFOX);
            // No flush here: closing the app must write what is pending.
            site.restart();
            assertThat(site.total(stories.get(0))).isEqualTo(3);
            assertThat(site.total(stories.get(1))).isEqualTo(1);
            assertThat(site.top()).as("rebuilt from the database at start").containsExactly("Kept story", "Other story");

            site.get(stories.get(1).url(), FIREFOX + " later");
            site.get(stories.get(1).url(), FIREFOX + " again");
            site.get(stories.get(1).url(), FIREFOX + " more");
            site.settle();
            assertThat(site.top()).containsExactly("Other story", "Kept story");
        }
    }

    @Test
    void countsThatCouldNotBeWrittenAreWrittenByTheNextFlush() {
        try (RankingSite site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS)) {
            ArticleSummary story = site.publish(NOW.minus(Duration.ofDays(2)), "Story").get(0);
            site.get(story.url(), FIREFOX);
            site.app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE article_views_hourly RENAME TO views_away"));
            assertThatThrownBy(site.app.ranking()::flushNow).isInstanceOf(RuntimeException.class);
            site.app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE views_away RENAME TO article_views_hourly"));
            site.get(story.url(), FIREFOX + " second reader");
            site.app.ranking().flushNow();
            assertThat(site.total(story)).isEqualTo(2);
        }
    }
}
