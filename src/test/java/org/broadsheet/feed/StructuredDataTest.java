package org.broadsheet.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadsheet.article.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StructuredData data = new StructuredData("Broadsheet", "https://news.example", null);
    private static final String URL = "https://news.example/news/science/2026/11/20/comet-seen/";

    @Test
    void newsArticleCarriesEveryRequiredField() throws Exception {
        Instant updated = Samples.PUBLISHED.plusSeconds(7200);
        JsonNode n = JSON.readTree(data.newsArticle(Samples.article("Comet seen", Samples.image(), updated), URL, List.of()));

        assertThat(n.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(n.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(n.path("headline").asText()).isEqualTo("Comet seen");
        assertThat(n.path("mainEntityOfPage").path("@id").asText()).isEqualTo(URL);
        assertThat(n.path("datePublished").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(n.path("dateModified").asText()).isEqualTo("2026-11-20T12:00:00Z");
        JsonNode image = n.path("image").get(0);
        assertThat(image.path("@type").asText()).isEqualTo("ImageObject");
        assertThat(image.path("url").asText()).isEqualTo("https://news.example/media/abc.jpg");
        assertThat(image.path("width").asInt()).isEqualTo(1200);
        assertThat(image.path("height").asInt()).isEqualTo(800);
        assertThat(n.path("author")).hasSize(2);
        assertThat(n.path("author").get(1).path("@type").asText()).isEqualTo("Person");
        assertThat(n.path("author").get(1).path("name").asText()).isEqualTo("Alan Turing");
        assertThat(n.path("author").get(1).path("url").asText()).isEqualTo("https://news.example/author/alan-turing/");
        assertThat(n.path("publisher").path("@type").asText()).isEqualTo("Organization");
        assertThat(n.path("publisher").path("name").asText()).isEqualTo("Broadsheet");
        assertThat(n.path("publisher").has("logo")).as("no invented logo").isFalse();
        assertThat(n.path("articleSection").asText()).isEqualTo("Science");
        assertThat(n.path("keywords").asText()).isEqualTo("Space, Comets");
        assertThat(n.has("correction")).isFalse();
    }

    @Test
    void withoutAnImageOrUpdateTheArticleSaysSo() throws Exception {
        JsonNode n = JSON.readTree(data.newsArticle(Samples.article("Comet seen", null, null), URL, List.of()));
        assertThat(n.has("image")).isFalse();
        assertThat(n.path("dateModified").asText()).isEqualTo(n.path("datePublished").asText());
    }

    @Test
    void correctionsBecomeCorrectionComments() throws Exception {
        List<StructuredData.Correction> corrections = List.of(
                new StructuredData.Correction("An earlier version misnamed the comet.", Instant.parse("2026-11-21T08:30:00Z")));
        JsonNode n = JSON.readTree(data.newsArticle(Samples.article("Comet seen", null, null), URL, corrections));
        JsonNode c = n.path("correction").get(0);
        assertThat(c.path("@type").asText()).isEqualTo("CorrectionComment");
        assertThat(c.path("text").asText()).isEqualTo("An earlier version misnamed the comet.");
        assertThat(c.path("datePublished").asText()).isEqualTo("2026-11-21T08:30:00Z");
    }

    @Test
    void aConfiguredLogoIsNamed() throws Exception {
        StructuredData withLogo = new StructuredData("Broadsheet", "https://news.example",
                new StructuredData.Logo("https://news.example/assets/logo.png", 600, 60));
        JsonNode logo = JSON.readTree(withLogo.newsArticle(Samples.article("Comet", null, null), URL, List.of()))
                .path("publisher").path("logo");
        assertThat(logo.path("url").asText()).isEqualTo("https://news.example/assets/logo.png");
        assertThat(logo.path("width").asInt()).isEqualTo(600);
    }

    @Test
    void breadcrumbsGoHomeSectionSubsection() throws Exception {
        JsonNode n = JSON.readTree(data.breadcrumbs(Samples.SCIENCE, Samples.NEWS));
        assertThat(n.path("@type").asText()).isEqualTo("BreadcrumbList");
        JsonNode items = n.path("itemListElement");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("name").asText()).isEqualTo("Home");
        assertThat(items.get(0).path("item").asText()).isEqualTo("https://news.example/");
        assertThat(items.get(1).path("name").asText()).isEqualTo("News");
        assertThat(items.get(2).path("position").asInt()).isEqualTo(3);
        assertThat(items.get(2).path("item").asText()).isEqualTo("https://news.example/news/science/");
        assertThat(JSON.readTree(data.breadcrumbs(Samples.NEWS, null)).path("itemListElement")).hasSize(2);
    }

    @Test
    void noHeadlineCanEndTheScriptElement() throws Exception {
        Article hostile = Samples.article("</script><script>alert(1)</script><!-- x", null, null);
        String json = data.newsArticle(hostile, URL, List.of());
        assertThat(json).doesNotContain("</").doesNotContain("<!--");
        assertThat(JSON.readTree(json).path("headline").asText()).isEqualTo("</script><script>alert(1)</script><!-- x");
    }
}
