package org.broadsheet.search;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Search over the Wikinews demo content, through the real server. */
class SearchOnDemoContentTest {

    @TempDir
    static java.nio.file.Path dir;
    static SearchFixture site;

    @BeforeAll
    static void start() {
        site = SearchFixture.start(dir, true);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String q(String text) {
        return "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aDistinctiveStoryIsFoundFirst() {
        assertThat(site.headlines(q("Magnitogorsk explosion"))).first().asString().contains("Magnitogorsk");
        assertThat(site.headlines(q("escape room Poland"))).first().asString().contains("Escape room fire");
    }

    @Test
    void headlineMatchesRankAboveBodyMentions() {
        List<String> found = site.headlines(q("Lion Air"));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0)).contains("Lion Air");
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        Document page = site.page(q("Magnitogorsk"));
        Element snippet = page.selectFirst(".search-results .snippet");
        assertThat(snippet).isNotNull();
        assertThat(snippet.select("mark").eachText()).allMatch(w -> w.equalsIgnoreCase("Magnitogorsk"));
        assertThat(snippet.select("mark")).isNotEmpty();
    }

    @Test
    void phrasesInQuotesAndPrefixesWork() {
        assertThat(site.headlines(q("\"escape room\""))).first().asString().contains("Escape room");
        assertThat(site.headlines(q("Magnitog*"))).first().asString().contains("Magnitogorsk");
    }

    @Test
    void aMisspelledQueryIsCorrectedWithDidYouMean() {
        Document page = site.page(q("Magnitogorks"));
        assertThat(page.select(".search-message").text()).contains("Did you mean").contains("magnitogorsk");
        assertThat(page.select(".search-results h2 a").eachText()).first().asString().contains("Magnitogorsk");
    }

    @Test
    void theSectionFilterIncludesSubsections() {
        List<String> sectionLinks = site.page(q("fire") + "&section=world").select(".search-results .kicker").eachAttr("href");
        assertThat(sectionLinks).isNotEmpty().allMatch(href -> href.startsWith("/world/"));
        assertThat(sectionLinks).anyMatch(href -> !href.equals("/world/"));
    }

    @Test
    void theDateFilterKeepsToTheRange() {
        Document page = site.page(q("fire") + "&from=2019-01-04&to=2019-01-07");
        List<String> times = page.select(".search-results time").eachAttr("datetime");
        assertThat(times).isNotEmpty().allSatisfy(t -> {
            LocalDate d = OffsetDateTime.parse(t).toLocalDate();
            assertThat(d).isBetween(LocalDate.parse("2019-01-04"), LocalDate.parse("2019-01-07"));
        });
    }

    @Test
    void newestFirstOrdersByDate() {
        List<String> times = site.page(q("government") + "&sort=newest").select(".search-results time").eachAttr("datetime");
        assertThat(times).hasSizeGreaterThan(3);
        assertThat(times.stream().map(OffsetDateTime::parse).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void pagesFollowOnWithoutRepeats() {
        Document first = site.page(q("said"));
        Document second = site.page(q("said") + "&page=2");
        List<String> one = first.select(".search-results h2 a").eachText();
        List<String> two = second.select(".search-results h2 a").eachText();
        assertThat(one).hasSize(SearchService.PAGE_SIZE);
        assertThat(two).isNotEmpty().doesNotContainAnyElementsOf(one);
        assertThat(second.selectFirst("ol.search-results").attr("start")).isEqualTo("11");
        assertThat(first.select("a[rel=next]").attr("href")).contains("page=2");
    }

    @Test
    void theHeaderHasASearchBox() {
        Element form = site.page("/").selectFirst("header form[role=search]");
        assertThat(form).isNotNull();
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.select("input[name=q]")).hasSize(1);
        assertThat(form.select("label[for=site-search-q]")).hasSize(1);
    }

    @Test
    void badFiltersGetAClearMessageAnd400() {
        var r = site.get(q("fire") + "&from=yesterday");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("must be a date like");
        assertThat(site.get(q("fire") + "&section=no-such-section").statusCode()).isEqualTo(400);
    }

    @Test
    void queriesThatMatchNothingSayWhat() {
        Document page = site.page(q("qqqxxyyzzqq"));
        assertThat(page.select(".search-message").text()).contains("Nothing matched");
    }
}
