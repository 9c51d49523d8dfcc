package org.broadsheet.search;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The index follows publishing, editing, withdrawing and embargoes, within moments of the change. */
class IndexFollowsArticlesTest {

    @TempDir
    Path dir;
    SearchFixture site;

    @BeforeEach
    void start() {
        site = SearchFixture.start(dir, false);
        site.app.articles().createSection(null, "world", "World", "", 1);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private boolean found(String query, String headline) {
        return site.headlines("/search?q=" + query).contains(headline);
    }

    @Test
    void aPublishedArticleIsFoundAndAnEditFollows() {
        long id = site.publish("world", "Volcanologists map the Quetzalbrook caldera", "Lava flows surveyed by drone.",
                SearchFixture.NOW.minusSeconds(60));
        site.await(() -> found("Quetzalbrook", "Volcanologists map the Quetzalbrook caldera"), "the new article is found");

        site.publishing.editHeadline(id, "Drones map the Quetzalbrook caldera");
        site.await(() -> found("drones", "Drones map the Quetzalbrook caldera"), "the edited headline is found");
        site.await(() -> site.headlines("/search?q=Volcanologists").isEmpty(), "the old headline is no longer found");
    }

    @Test
    void anUnpublishedArticleDisappears() {
        long id = site.publish("world", "Harbour of Zyxtown reopens", "Ships return.", SearchFixture.NOW.minusSeconds(60));
        site.await(() -> found("Zyxtown", "Harbour of Zyxtown reopens"), "the article is found");

        site.publishing.unpublish(id);
        site.await(() -> site.headlines("/search?q=Zyxtown").isEmpty(), "the withdrawn article is gone");
    }

    @Test
    void anEmbargoedArticleIsHiddenUntilItsTimeThenFoundWithoutAnyEvent() {
        long embargoed = site.publish("world", "Embargoed Wombleton report", "Secret until noon.",
                SearchFixture.NOW.plus(Duration.ofHours(1)));
        long visible = site.publish("world", "Open Wombleton report", "Public now.", SearchFixture.NOW.minusSeconds(1));
        site.await(() -> found("Wombleton", "Open Wombleton report"), "the visible article is indexed");
        assertThat(site.app.search().ready()).isTrue();
        assertThat(site.headlines("/search?q=Wombleton")).containsExactly("Open Wombleton report");

        site.clock.advance(Duration.ofHours(2));
        assertThat(site.headlines("/search?q=Wombleton")).contains("Embargoed Wombleton report", "Open Wombleton report");
        assertThat(embargoed).isNotEqualTo(visible);
    }
}
