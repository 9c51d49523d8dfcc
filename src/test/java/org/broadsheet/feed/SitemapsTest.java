package org.broadsheet.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitemapsTest extends WithFixture {

    private static final String BASE = "http://localhost:8080";
    private static final SitemapSchemas SCHEMAS = new SitemapSchemas();


    @Test
    void robotsNamesTheSitemapsAndKeepsCrawlersOutOfTheNewsroomAndSearch() {
        HttpResponse<String> robots = f.get("/robots.txt");
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /newsroom/", "Disallow: /search?",
                "Sitemap: " + BASE + "/sitemap.xml", "Sitemap: " + BASE + "/news-sitemap.xml");
    }

    @Test
    void theIndexAndEverySitemapValidateAndListEveryPublicPage() throws Exception {
        f.publish(f.science, "Comet seen", FeedFixture.NOW.minus(Duration.ofDays(5)), List.of("Ada Lovelace"), List.of("Space"), false);
        f.publish(f.news, "Election held", FeedFixture.NOW.minus(Duration.ofHours(1)), List.of("Alan Turing"), List.of("Politics"), false);

        HttpResponse<String> index = f.get("/sitemap.xml");
        assertThat(index.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        SCHEMAS.validateIndex(index.body());
        List<String> sitemaps = locs(index.body(), "sitemap");
        assertThat(sitemaps).containsExactly(BASE + "/sitemaps/pages.xml", BASE + "/sitemaps/articles-1.xml",
                BASE + "/sitemaps/tags-1.xml", BASE + "/sitemaps/authors-1.xml");
        assertThat(xml(index.body()).select("sitemap > lastmod")).hasSize(4);

        List<String> urls = new ArrayList<>();
        for (String sitemap : sitemaps) {
            String body = f.get(sitemap.substring(BASE.length())).body();
            SCHEMAS.validateUrlset(body);
            assertThat(xml(body).select("url > lastmod")).hasSameSizeAs(xml(body).select("url"));
            urls.addAll(locs(body, "url"));
        }
        assertThat(urls).containsExactlyInAnyOrder(BASE + "/", BASE + "/news/", BASE + "/news/science/",
                BASE + "/news/science/2026/11/15/comet-seen/", BASE + "/news/2026/11/20/election-held/",
                BASE + "/tag/space/", BASE + "/tag/politics/", BASE + "/author/ada-lovelace/", BASE + "/author/alan-turing/");
        for (String url : urls) {
            assertThat(f.get(url.substring(BASE.length())).statusCode()).as(url).isEqualTo(200);
        }
    }

    @Test
    void theNewsSitemapHoldsTheLastTwoDaysArticles() throws Exception {
        f.publish(f.news, "Old news", FeedFixture.NOW.minus(Duration.ofDays(3)), List.of(), List.of(), false);
        f.publish(f.news, "Fresh news & views", FeedFixture.NOW.minus(Duration.ofHours(30)), List.of(), List.of(), false);

        String body = f.get("/news-sitemap.xml").body();
        SCHEMAS.validateUrlset(body);
        Document doc = xml(body);
        assertThat(locs(body, "url")).containsExactly(BASE + "/news/2026/11/19/fresh-news-and-views/");
        assertThat(doc.select("news|publication > news|name").text()).isEqualTo("Broadsheet");
        assertThat(doc.select("news|publication > news|language").text()).isEqualTo("en");
        assertThat(doc.select("news|publication_date").text()).isEqualTo("2026-11-19T06:00:00Z");
        assertThat(doc.select("news|title").text()).isEqualTo("Fresh news & views");
    }

    @Test
    void embargoedArticlesAppearInNoSitemapUntilTheirTime() throws Exception {
        f.publish(f.news, "Visible", FeedFixture.NOW.minus(Duration.ofHours(2)), List.of("Ada Lovelace"), List.of("Space"), false);
        f.publish(f.science, "Embargoed", FeedFixture.NOW.plus(Duration.ofHours(1)), List.of("Secret Writer"), List.of("Secret"), false);

        String everything = String.join("\n", allSitemaps());
        assertThat(everything).doesNotContain("embargoed", "secret", "/news/science/");

        f.clock.advance(Duration.ofHours(2));
        everything = String.join("\n", allSitemaps());
        assertThat(everything).contains("/news/science/2026/11/20/embargoed/", "/tag/secret/", "/author/secret-writer/",
                BASE + "/news/science/<");
    }

    @Test
    void sitemapsAnswerConditionalRequestsAnd404PastTheEnd() {
        f.publish(f.news, "Visible", FeedFixture.NOW.minus(Duration.ofHours(2)), List.of(), List.of(), false);
        HttpResponse<String> first = f.get("/sitemap.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(f.get("/sitemap.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(f.get("/news-sitemap.xml", "If-Modified-Since",
                f.get("/news-sitemap.xml").headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(304);
        for (String path : List.of("/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml", "/sitemaps/other.xml",
                "/sitemaps/tags-99999999999.xml")) {
            assertThat(f.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theSchemasRejectWhatTheProtocolForbids() {
        assertThatThrownBy(() -> SCHEMAS.validateUrlset("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                + "<url><lastmod>2026-11-20</lastmod><loc>http://example.com/</loc></url></urlset>")).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SCHEMAS.validateUrlset("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                + "<url><loc>http://example.com/</loc><lastmod>yesterday</lastmod></url></urlset>")).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SCHEMAS.validateIndex("<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                + "<url><loc>http://example.com/</loc></url></sitemapindex>")).isInstanceOf(SAXException.class);
    }

    private List<String> allSitemaps() {
        List<String> bodies = new ArrayList<>();
        String index = f.get("/sitemap.xml").body();
        bodies.add(index);
        for (String loc : locs(index, "sitemap")) {
            bodies.add(f.get(loc.substring(BASE.length())).body());
        }
        bodies.add(f.get("/news-sitemap.xml").body());
        return bodies;
    }

    private static List<String> locs(String xml, String parent) {
        return xml(xml).select(parent + " > loc").eachText();
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }
}
