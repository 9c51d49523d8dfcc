package org.broadsheet.search.web;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.Section;
import org.broadsheet.search.SearchOutcome;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Layout;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.Paged;
import org.broadsheet.web.Templates;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state of the search page is valid HTML by the Nu Html Checker. The checker is on the class path
 * only in the html-validation run (it brings a Jetty that breaks Javalin), hence the reflective call.
 */
@Tag("html-validation")
class SearchPageHtmlValidationTest {

    private static final Layout LAYOUT = new Layout("Broadsheet", "Search: fire · Broadsheet", "Search the news.",
            "http://localhost:8080/search", "/search", List.of(new NavLink("World", "/world/")), "/assets/site.css",
            true, 2026);
    private static final Section WORLD = new Section(1, null, "world", "world", "World", "", 1);
    private static final List<SearchPage.SectionOption> SECTIONS = List.of(new SearchPage.SectionOption("world", "World", false),
            new SearchPage.SectionOption("world/europe", "Europe", true));

    static Stream<SearchPage> pages() {
        ArticleSummary summary = new ArticleSummary(7, WORLD, "fire", "Fire & smoke <over> the city", "Standfirst",
                Instant.parse("2019-01-05T10:00:00Z"), DisplayTime.of(Instant.parse("2019-01-05T10:00:00Z"), ZoneOffset.UTC),
                null, "/world/2019/01/05/fire/");
        var found = List.of(new SearchOutcome.Found(summary, "A <mark>fire</mark> broke out &lt;here&gt; … and spread"));
        Paged<SearchOutcome.Found> two = new Paged<>(found, 2, 10, 31);
        return Stream.of(
                new SearchPage(LAYOUT, "", SECTIONS, "", "", "", false, null, null),
                new SearchPage(LAYOUT, "fire", SECTIONS, "world/europe", "2019-01-01", "2019-12-31", true,
                        new SearchOutcome(two, null, true), null),
                new SearchPage(LAYOUT, "fier", SECTIONS, "", "", "", false, new SearchOutcome(two, "fire", true), null),
                new SearchPage(LAYOUT, "zzz", SECTIONS, "", "", "", false,
                        new SearchOutcome(new Paged<>(List.of(), 1, 10, 0), null, true), null),
                new SearchPage(LAYOUT, "fire", SECTIONS, "", "", "", false,
                        new SearchOutcome(new Paged<>(List.of(), 1, 10, 0), null, false), null),
                new SearchPage(LAYOUT, "fire", SECTIONS, "", "", "", false, null, "From must be a date like 2024-05-31."));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void theSearchPageIsValidHtml(SearchPage page) throws Exception {
        String out = new String(new Templates().render("search/search.jte", page), StandardCharsets.UTF_8);
        String report = validate(out);
        assertThat(report).as(out).doesNotContain("\"type\":\"error\"");
        assertThat(out).doesNotContain("<over>");
        if (page.hasResults()) {
            assertThat(out).contains("<mark>fire</mark>", "Fire &amp; smoke &lt;over&gt;");
        }
    }

    private static String validate(String html) throws Exception {
        Class<?> type = Class.forName("nu.validator.client.EmbeddedValidator");
        Object validator = type.getConstructor().newInstance();
        Class<?> format = Class.forName("nu.validator.client.EmbeddedValidator$OutputFormat");
        Object json = format.getField("JSON").get(null);
        type.getMethod("setOutputFormat", format).invoke(validator, json);
        return (String) type.getMethod("validate", java.io.InputStream.class)
                .invoke(validator, new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
