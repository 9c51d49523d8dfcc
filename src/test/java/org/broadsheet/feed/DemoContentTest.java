package org.broadsheet.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import org.broadsheet.App;
import org.broadsheet.config.Settings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds, sitemaps and structured data on the Wikinews demo content (293 real articles, 2019–2021). */
class DemoContentTest {

    private static final String BASE = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static App app;

    @BeforeAll
    static void start() {
        app = App.start(Settings.forTest(dir, null).withDemo(true), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyFeedOfTheDemoParsesWithTwentyUniqueItems() throws Exception {
        String section = app.articles().sections().topLevel().get(0).url();
        for (String path : List.of("/feed.xml", "/atom.xml", section + "feed.xml", section + "atom.xml")) {
            SyndFeed feed = FeedsTest.rome(get(path).body());
            assertThat(feed.getEntries()).as(path).hasSize(20);
            Set<String> ids = new HashSet<>();
            for (SyndEntry e : feed.getEntries()) {
                assertThat(ids.add(e.getUri())).isTrue();
                assertThat(e.getLink()).startsWith(BASE + "/");
                assertThat(e.getPublishedDate()).isNotNull();
                assertThat(e.getCategories()).isNotEmpty();
            }
        }
    }

    @Test
    void syndicatedArticlesCarryTheirCreditAndLicenceIntoFeeds() throws Exception {
        Document atom = xml(get("/atom.xml").body());
        assertThat(atom.select("entry > rights").eachText()).hasSize(20)
                .allSatisfy(r -> assertThat(r).startsWith("Source: Wikinews (https://en.wikinews.org/").endsWith(", CC BY 2.5"));
        for (String content : atom.select("entry > content").eachText()) {
            Document body = Jsoup.parseBodyFragment(content);
            assertThat(body.select("p").last().text()).startsWith("Source: Wikinews, licensed under CC BY 2.5");
            assertThat(body.select("a[rel=license]").attr("href")).isEqualTo("https://creativecommons.org/licenses/by/2.5/");
        }
        assertThat(xml(get("/feed.xml").body()).select("item > dc|rights")).hasSize(20);
    }

    @Test
    void everySitemapOfTheDemoValidatesAndListsEveryArticle() throws Exception {
        SitemapSchemas schemas = new SitemapSchemas();
        String index = get("/sitemap.xml").body();
        schemas.validateIndex(index);
        int articles = 0;
        for (String loc : xml(index).select("sitemap > loc").eachText()) {
            String body = get(loc.substring(BASE.length())).body();
            schemas.validateUrlset(body);
            if (loc.contains("/articles-")) {
                articles += xml(body).select("url").size();
            }
        }
        assertThat(articles).isEqualTo(app.articles().latest(1, 1).total());
    }

    @Test
    void theLeadArticleCarriesItsStructuredData() throws Exception {
        String url = app.articles().latest(1, 1).items().get(0).url();
        Document page = Jsoup.parse(get(url).body());
        JsonNode article = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
        assertThat(article.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(article.path("headline").asText()).isNotBlank();
        assertThat(article.path("datePublished").asText()).isNotBlank();
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(BASE + url);
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }
}
