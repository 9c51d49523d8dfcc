package org.broadsheet.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page's head as served: sharing tags, JSON-LD, canonical link, and descriptions on every page. */
class ArticleHeadTest extends WithFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "http://localhost:8080";


    @Test
    void anArticleWithAPhotoSharesAsALargeCard() throws Exception {
        f.publish(f.science, "Comet seen", FeedFixture.NOW.minus(Duration.ofHours(1)), List.of("Ada Lovelace"), List.of("Space", "Comets"), true);
        Document page = page("/news/science/2026/11/20/comet-seen/");
        String url = BASE + "/news/science/2026/11/20/comet-seen/";

        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("Standfirst of Comet seen.");
        assertThat(og(page, "og:type")).containsExactly("article");
        assertThat(og(page, "og:title")).containsExactly("Comet seen");
        assertThat(og(page, "og:description")).containsExactly("Standfirst of Comet seen.");
        assertThat(og(page, "og:url")).containsExactly(url);
        assertThat(og(page, "og:site_name")).containsExactly("Broadsheet");
        assertThat(og(page, "og:image")).singleElement().asString().startsWith(BASE + "/media/").endsWith(".png");
        assertThat(og(page, "article:published_time")).containsExactly("2026-11-20T11:00:00Z");
        assertThat(og(page, "article:modified_time")).containsExactly("2026-11-20T11:00:00Z");
        assertThat(og(page, "article:section")).containsExactly("Science");
        assertThat(og(page, "article:tag")).containsExactly("Space", "Comets");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("meta[name=twitter:image]").attr("content")).startsWith(BASE + "/media/");

        List<JsonNode> ld = jsonLd(page);
        assertThat(ld).extracting(n -> n.path("@type").asText()).containsExactly("NewsArticle", "BreadcrumbList");
        JsonNode article = ld.get(0);
        assertThat(article.path("headline").asText()).isEqualTo("Comet seen");
        assertThat(article.path("image").get(0).path("width").asInt()).isEqualTo(40);
        assertThat(article.path("author").get(0).path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("Broadsheet");
        assertThat(article.path("articleSection").asText()).isEqualTo("Science");
        assertThat(article.path("mainEntityOfPage").path("@id").asText()).isEqualTo(url);
        assertThat(ld.get(1).path("itemListElement")).extracting(n -> n.path("name").asText())
                .containsExactly("Home", "News", "Science");
    }

    @Test
    void anArticleWithoutAPhotoSharesAsASummary() {
        f.publish(f.news, "Election held", FeedFixture.NOW.minus(Duration.ofHours(1)), List.of(), List.of(), false);
        Document page = page("/news/2026/11/20/election-held/");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(og(page, "og:image")).isEmpty();
    }

    @Test
    void everyKindOfPageHasADescriptionAndACanonicalLink() {
        f.publish(f.science, "Comet seen", FeedFixture.NOW.minus(Duration.ofHours(1)), List.of("Ada Lovelace"), List.of("Space"), false);
        for (String path : List.of("/", "/news/", "/news/science/", "/tag/space/", "/author/ada-lovelace/",
                "/news/science/2026/11/20/comet-seen/")) {
            Document page = page(path);
            assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).isEqualTo(BASE + path);
        }
    }

    @Test
    void anArticleWithoutStandfirstIsDescribedByItsOpeningWords() {
        String body = "The opening sentence of a long report. ".repeat(10);
        long id = f.articles.importPublished(List.of(new org.broadsheet.article.ArticleService.ImportedArticle(
                new org.broadsheet.article.ArticleDraft(f.news.id(), null, "Long report", "", body, null, null, null, null,
                        List.of(), List.of(), null), FeedFixture.NOW.minusSeconds(60)))).get(0);
        Document page = page(f.articles.url(f.articles.findById(id).orElseThrow()));
        String description = page.select("meta[name=description]").attr("content");
        assertThat(description).startsWith("The opening sentence of a long report.").endsWith("…").hasSizeLessThanOrEqualTo(161);
        assertThat(og(page, "og:description")).containsExactly(description);
    }

    private Document page(String path) {
        var response = f.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<String> og(Document page, String property) {
        return page.select("head meta[property=" + property + "]").eachAttr("content");
    }

    private static List<JsonNode> jsonLd(Document page) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (var script : page.select("head script[type=application/ld+json]")) {
            out.add(JSON.readTree(script.data()));
        }
        return out;
    }
}
