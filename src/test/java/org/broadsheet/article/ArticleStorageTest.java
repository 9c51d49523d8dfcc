package org.broadsheet.article;

import org.broadsheet.storage.Database;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.storage.TestStore;
import org.broadsheet.web.Paged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.article.TestArticles.publish;
import static org.broadsheet.article.TestArticles.published;

/** The articles feature's storage, on a freshly migrated SQLite file and a fresh PostgreSQL database. */
@ParameterizedClass
@EnumSource(TestStore.class)
class ArticleStorageTest {

    private static final Instant NOW = Instant.parse("2024-11-20T12:00:00Z");

    @Parameter
    TestStore store;

    @TempDir
    Path tempDir;

    private Database database;
    private ArticleService articles;
    private final MutableClock clock = new MutableClock(NOW);
    private Section world;
    private Section europe;
    private Section science;
    private Instant nextPublication = NOW.minus(Duration.ofDays(30));

    @BeforeEach
    void openFreshStore() {
        database = Database.open(store.freshUrl(tempDir));
        articles = new ArticleService(database.jdbi(), ArticleService.sectionDirectory(database.jdbi()),
                new ArticleUrls(ZoneOffset.UTC), clock);
        world = articles.createSection(null, "world", "World", "News from everywhere.", 1);
        europe = articles.createSection(world, "europe", "Europe", "", 1);
        science = articles.createSection(null, "science", "Science", "", 2);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void sectionsFormATwoLevelTree() {
        Section asia = articles.createSection(world, "asia", "Asia", "", 2);
        SectionDirectory sections = articles.sections();

        assertThat(sections.topLevel()).extracting(Section::path).containsExactly("world", "science");
        assertThat(sections.children(world)).extracting(Section::path).containsExactly("world/europe", "world/asia");
        assertThat(sections.byPath("world/asia")).contains(asia);
        assertThat(sections.parent(asia)).contains(world);
        assertThat(sections.parent(world)).isEmpty();
        assertThat(sections.selfAndChildIds(world)).containsExactly(world.id(), europe.id(), asia.id());
        assertThat(asia.url()).isEqualTo("/world/asia/");
    }

    @Test
    void importKeepsBylinesAndTagsInOrderAndSharesAuthorsAndTags() {
        Article first = publish(articles, published(europe, "Parliament votes", NOW.minusSeconds(60),
                List.of("Ana Díaz", "Bo Lee"), List.of("Elections", "Parliament")));
        Article second = publish(articles, published(science, "Comet seen", NOW.minusSeconds(30),
                List.of("Bo Lee"), List.of("Astronomy", "Elections")));

        assertThat(first.bylines()).extracting(Author::name).containsExactly("Ana Díaz", "Bo Lee");
        assertThat(first.bylines()).extracting(Author::slug).containsExactly("ana-diaz", "bo-lee");
        assertThat(first.tags()).extracting(Tag::name).containsExactly("Elections", "Parliament");
        assertThat(second.bylines().get(0).id()).isEqualTo(first.bylines().get(1).id());
        assertThat(second.tags().get(1).id()).isEqualTo(first.tags().get(0).id());
        assertThat(first.section()).isEqualTo(europe);
        assertThat(first.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(first.source()).isEqualTo(TestArticles.WIKINEWS);
        assertThat(first.bodyHtml()).contains("<em>Parliament votes</em>");
        assertThat(first.url(articles.urls())).isEqualTo("/world/europe/2024/11/20/parliament-votes/");
        assertThat(articles.author("bo-lee")).isPresent();
        assertThat(articles.tag("elections")).isPresent();
    }

    @Test
    void anArticleIsInvisibleUntilItsPublicationTime() {
        Article scheduled = publish(articles, published(europe, "Tomorrow's news", NOW.plus(Duration.ofHours(1)),
                List.of("Ana Díaz"), List.of("Future")));
        Tag future = articles.tag("future").orElseThrow();
        Author ana = articles.author("ana-diaz").orElseThrow();

        assertThat(articles.findPublished(scheduled.slug())).isEmpty();
        assertThat(articles.latest(1, 10).total()).isZero();
        assertThat(articles.inSection(world, 1, 10).items()).isEmpty();
        assertThat(articles.withTag(future, 1, 10).total()).isZero();
        assertThat(articles.byAuthor(ana, 1, 10).total()).isZero();
        assertThat(articles.latestPerTopSection(3)).isEmpty();

        clock.advance(Duration.ofHours(1));

        assertThat(articles.findPublished(scheduled.slug())).isPresent();
        assertThat(articles.latest(1, 10).items()).extracting(ArticleSummary::slug).containsExactly(scheduled.slug());
        assertThat(articles.withTag(future, 1, 10).total()).isEqualTo(1);
        assertThat(articles.byAuthor(ana, 1, 10).total()).isEqualTo(1);
    }

    @Test
    void sectionListsIncludeSubsectionsNewestFirstAndPaginate() {
        List<String> expected = importHourly(25, europe, "Europe story", List.of("Ana Díaz"), List.of("EU"));
        expected.addAll(0, importHourly(3, world, "World story", List.of("Bo Lee"), List.of("UN")));

        Paged<ArticleSummary> first = articles.inSection(world, 1, 10);
        Paged<ArticleSummary> last = articles.inSection(world, 3, 10);
        assertThat(first.total()).isEqualTo(28);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(first.items()).extracting(ArticleSummary::headline).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(last.items()).extracting(ArticleSummary::headline).containsExactlyElementsOf(expected.subList(20, 28));
        assertThat(last.hasNext()).isFalse();
        assertThat(articles.inSection(europe, 1, 10).total()).isEqualTo(25);
        assertThat(articles.inSection(science, 1, 10).items()).isEmpty();
        assertThat(articles.inSection(world, 4, 10).items()).isEmpty();
        assertThat(articles.latest(2, 10).items()).extracting(ArticleSummary::headline)
                .containsExactlyElementsOf(expected.subList(10, 20));
    }

    @Test
    void tagAndAuthorListsCountAndPaginate() {
        List<String> tagged = importHourly(12, europe, "Tagged story", List.of("Ana Díaz", "Bo Lee"), List.of("Energy", "Gas"));
        importHourly(4, science, "Other story", List.of("Cy Young"), List.of("Physics"));
        Tag energy = articles.tag("energy").orElseThrow();
        Author bo = articles.author("bo-lee").orElseThrow();

        Paged<ArticleSummary> tagPage2 = articles.withTag(energy, 2, 5);
        assertThat(tagPage2.total()).isEqualTo(12);
        assertThat(tagPage2.pages()).isEqualTo(3);
        assertThat(tagPage2.items()).extracting(ArticleSummary::headline).containsExactlyElementsOf(tagged.subList(5, 10));

        Paged<ArticleSummary> authorPage3 = articles.byAuthor(bo, 3, 5);
        assertThat(authorPage3.total()).isEqualTo(12);
        assertThat(authorPage3.items()).extracting(ArticleSummary::headline).containsExactlyElementsOf(tagged.subList(10, 12));
        assertThat(articles.byAuthor(articles.author("cy-young").orElseThrow(), 1, 5).total()).isEqualTo(4);
    }

    @Test
    void latestPerTopSectionTakesTheNewestOfEachTopSectionWithItsSubsections() {
        List<String> inEurope = importHourly(3, europe, "Europe story", List.of("Ana Díaz"), List.of());
        List<String> inScience = importHourly(3, science, "Science story", List.of("Ana Díaz"), List.of());

        Map<Long, List<ArticleSummary>> blocks = articles.latestPerTopSection(2);

        assertThat(blocks).containsOnlyKeys(world.id(), science.id());
        assertThat(blocks.get(world.id())).extracting(ArticleSummary::headline).containsExactlyElementsOf(inEurope.subList(0, 2));
        assertThat(blocks.get(science.id())).extracting(ArticleSummary::headline).containsExactlyElementsOf(inScience.subList(0, 2));
        assertThat(blocks.get(world.id()).get(0).url()).startsWith("/world/europe/");
    }

    @Test
    void aTakenSlugGetsANumberedSuffix() {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slugs.add(publish(articles, published(europe, "Storm hits coast", NOW.minusSeconds(i), List.of("Ana Díaz"), List.of())).slug());
        }

        assertThat(slugs).containsExactly("storm-hits-coast", "storm-hits-coast-2", "storm-hits-coast-3");
        assertThat(articles.findPublished("storm-hits-coast-2")).isPresent();
    }

    /** Imports {@code n} articles an hour apart, each newer than any imported before; returns their headlines newest first. */
    private List<String> importHourly(int n, Section section, String prefix, List<String> bylines, List<String> tags) {
        List<ArticleService.ImportedArticle> items = new ArrayList<>();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String headline = prefix + " " + (i + 1);
            nextPublication = nextPublication.plus(Duration.ofHours(1));
            items.add(published(section, headline, nextPublication, bylines, tags));
            newestFirst.add(0, headline);
        }
        articles.importPublished(items);
        return newestFirst;
    }
}
