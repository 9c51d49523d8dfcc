package org.broadsheet.search;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.Settings;
import org.broadsheet.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related posts: computed ahead of readers for recent news and, in a small archive, for every article; in a big
 * one once for an old article after its first reader; never the article itself, never an invisible one.
 */
class RelatedPostsTest {

    @TempDir
    Path dir;
    SearchFixture site;

    @BeforeEach
    void start() {
        site = SearchFixture.start(dir, false);
        site.app.articles().createSection(null, "science", "Science", "", 1);
        site.app.articles().createSection(null, "sport", "Sport", "", 2);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static final List<String> ANGLES = List.of(
            "Observers in Arizona measured its brightness every night this week with small telescopes.",
            "The dust tail now stretches across two degrees of sky, according to amateur photographs.",
            "A team at the Paranal observatory recorded spectra showing cyanogen and water vapour.",
            "Mission planners discussed a flyby probe that could reach the nucleus within six years.",
            "A new image resolves jets of gas streaming from the dark, elongated nucleus.");

    private int published;

    private long comet(String headline, Instant at) {
        String angle = ANGLES.get(published++ % ANGLES.size());
        return site.publish("science", headline, "The comet Borrelly is nearing the sun. " + angle, at);
    }

    private List<Long> related(long id) {
        return site.app.search().related().relatedTo(id).stream().map(ArticleSummary::id).toList();
    }

    @Test
    void relatedPostsAreSimilarArticlesButNeverTheArticleItselfNorAnInvisibleOne() {
        Instant t = SearchFixture.NOW.minus(Duration.ofDays(2));
        long a = comet("Comet Borrelly brightens", t);
        long b = comet("Comet Borrelly tail grows", t.plusSeconds(60));
        long c = comet("Comet Borrelly seen from Chile", t.plusSeconds(120));
        long embargoed = comet("Comet Borrelly probe launch embargoed", SearchFixture.NOW.plus(Duration.ofDays(1)));
        long withdrawn = comet("Comet Borrelly nucleus photographed", t.plusSeconds(180));
        site.publish("sport", "Football final goes to penalties", "The cup final ended in a shoot-out.", t);
        site.await(() -> related(a).containsAll(List.of(b, c, withdrawn)), "related posts of the first article are computed");

        site.publishing.unpublish(withdrawn);
        site.await(() -> !related(a).contains(withdrawn), "the withdrawn article leaves the list");
        for (long id : List.of(a, b, c)) {
            assertThat(related(id)).doesNotContain(id, embargoed, withdrawn).hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void theArticlePageShowsRelatedPostsAfterTheBody() {
        Instant t = SearchFixture.NOW.minus(Duration.ofDays(1));
        long a = comet("Comet Borrelly brightens", t);
        long b = comet("Comet Borrelly tail grows", t.plusSeconds(60));
        site.await(() -> related(a).contains(b), "related posts are computed");
        String url = site.app.articles().findById(a).map(site.app.articles()::url).orElseThrow();
        var page = site.page(url);
        assertThat(page.select("[aria-labelledby=related-heading] a.headline").eachText())
                .contains("Comet Borrelly tail grows");
    }

    @Test
    void relatedListsSurviveARestartWithoutRecomputation() {
        Instant t = SearchFixture.NOW.minus(Duration.ofDays(1));
        long a = comet("Comet Borrelly brightens", t);
        long b = comet("Comet Borrelly tail grows", t.plusSeconds(60));
        site.await(() -> related(a).contains(b), "related posts are computed");
        site.await(() -> new RelatedStore(site.app.database().jdbi()).load(a).isPresent(), "the list is stored");
        site.close();
        site = SearchFixture.start(dir, false);
        assertThat(new RelatedStore(site.app.database().jdbi()).load(a).orElseThrow().ids()).contains(b);
        site.await(() -> related(a).contains(b), "the stored list is served");
    }

    @Test
    void aSmallArchiveRestoredWithoutListsHasEveryListBeforeItIsReadySoTheFirstViewShowsThem() {
        Instant old = SearchFixture.NOW.minus(Duration.ofDays(400));
        long a = comet("Comet Borrelly brightens", old);
        long b = comet("Comet Borrelly tail grows", old.plusSeconds(60));
        site.await(() -> new RelatedStore(site.app.database().jdbi()).load(a).isPresent(), "the lists are stored", Duration.ofSeconds(30));
        site.close();
        try (Database database = Database.open(Settings.forTest(dir, null).jdbcUrl())) {
            database.jdbi().useHandle(h -> h.execute("DELETE FROM related_articles"));
        }
        site = SearchFixture.start(dir, false);
        site.await(() -> site.get("/readyz").statusCode() == 200, "the site says it is ready", Duration.ofSeconds(30));

        assertThat(new RelatedStore(site.app.database().jdbi()).load(a).orElseThrow().ids()).contains(b);
        String url = site.app.articles().findById(a).map(site.app.articles()::url).orElseThrow();
        assertThat(site.page(url).select("[aria-labelledby=related-heading] a.headline").eachText())
                .as("the first view of a 400-day-old article").contains("Comet Borrelly tail grows");
    }

    @Test
    void aBigArchiveWithoutListsStartsAtOnceAndEachOldArticleGetsItsListAfterItsFirstReader() {
        Instant old = SearchFixture.NOW.minus(Duration.ofDays(200));
        long a = comet("Comet Borrelly brightens", old);
        long b = comet("Comet Borrelly tail grows", old.plusSeconds(60));
        long fresh = comet("Comet Borrelly seen from Chile", SearchFixture.NOW.minus(Duration.ofDays(1)));
        site.await(() -> new RelatedStore(site.app.database().jdbi()).load(fresh).isPresent(), "the lists are stored");
        site.close();
        // an archive restored or imported without its lists, counted as big (above a bound of 2 articles)
        try (Database database = Database.open(Settings.forTest(dir, null).jdbcUrl())) {
            database.jdbi().useHandle(h -> h.execute("DELETE FROM related_articles"));
        }
        site = SearchFixture.start(dir, false, 2);
        site.await(() -> site.get("/readyz").statusCode() == 200, "the site says it is ready", Duration.ofSeconds(30));
        RelatedStore store = new RelatedStore(site.app.database().jdbi());
        site.await(() -> store.load(fresh).isPresent(), "a recent article's list is computed ahead of its readers");
        assertThat(store.load(a)).as("an old article's list waits for its first reader").isEmpty();

        String url = site.app.articles().findById(a).map(site.app.articles()::url).orElseThrow();
        assertThat(site.page(url).select("[aria-labelledby=related-heading]")).as("the first reader does not wait").isEmpty();
        site.await(() -> store.load(a).isPresent(), "the list asked for by the first reader is computed and stored");
        assertThat(store.load(a).orElseThrow().ids()).contains(b);
        site.await(() -> site.page(url).select("[aria-labelledby=related-heading] a.headline").eachText()
                .contains("Comet Borrelly tail grows"), "the cached page is dropped, so the next reader sees the list");
    }
}
