package org.broadsheet.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsTest extends WithFixture {


    @Test
    void rssCarriesBylinesCategoriesEnclosureDatesAndFullText() throws Exception {
        Instant published = FeedFixture.NOW.minus(Duration.ofHours(3));
        f.publish(f.science, "Comet seen over Oslo", published, List.of("Ada Lovelace", "Alan Turing"), List.of("Space"), true);

        HttpResponse<String> response = f.get("/feed.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        SyndFeed feed = rome(response.body());
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLink()).isEqualTo("http://localhost:8080/");
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Comet seen over Oslo");
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/news/science/2026/11/20/comet-seen-over-oslo/");
        assertThat(entry.getUri()).isEqualTo(entry.getLink());
        assertThat(entry.getPublishedDate().toInstant()).isEqualTo(published);
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        assertThat(dc.getCreators()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("Science", "Space");
        assertThat(entry.getDescription().getValue()).isEqualTo("Standfirst of Comet seen over Oslo.");
        assertThat(entry.getContents().get(0).getValue())
                .contains("<strong>Comet seen over Oslo</strong>").contains("href=\"http://localhost:8080/news/\"");
        assertThat(entry.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).startsWith("http://localhost:8080/media/").endsWith(".png");
            assertThat(e.getType()).isEqualTo("image/png");
            assertThat(e.getLength()).isPositive();
        });
    }

    @Test
    void atomCarriesAuthorsCategoriesEnclosureAndBothDates() throws Exception {
        long id = f.publish(f.science, "Comet seen over Oslo", FeedFixture.NOW.minus(Duration.ofHours(3)),
                List.of("Ada Lovelace"), List.of("Space", "Comets"), true);

        HttpResponse<String> response = f.get("/atom.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        SyndFeed feed = rome(response.body());
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getUri()).isEqualTo("tag:localhost,2026-11-20:article:" + id);
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/news/science/2026/11/20/comet-seen-over-oslo/");
        assertThat(entry.getAuthors()).singleElement().satisfies(a -> {
            assertThat(a.getName()).isEqualTo("Ada Lovelace");
            assertThat(a.getUri()).isEqualTo("http://localhost:8080/author/ada-lovelace/");
        });
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("Science", "Space", "Comets");
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getEnclosures()).singleElement().satisfies(e -> assertThat(e.getType()).isEqualTo("image/png"));
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
    }

    @Test
    void feedsHoldTheLatestTwentyNewestFirst() throws Exception {
        for (int i = 0; i < 25; i++) {
            f.publish(f.news, "Story " + i, FeedFixture.NOW.minus(Duration.ofMinutes(100 - i)), List.of(), List.of(), false);
        }
        for (String path : List.of("/feed.xml", "/atom.xml", "/news/feed.xml")) {
            List<SyndEntry> entries = rome(f.get(path).body()).getEntries();
            assertThat(entries).hasSize(20);
            assertThat(entries.get(0).getTitle()).isEqualTo("Story 24");
            assertThat(entries.get(19).getTitle()).isEqualTo("Story 5");
        }
    }

    @Test
    void sectionFeedsIncludeSubsectionsAndTagAndAuthorFeedsFilter() throws Exception {
        f.publish(f.science, "In science", FeedFixture.NOW.minusSeconds(60), List.of("Ada Lovelace"), List.of("Space"), false);
        f.publish(f.news, "In news", FeedFixture.NOW.minusSeconds(30), List.of("Alan Turing"), List.of("Politics"), false);

        assertThat(titles("/news/feed.xml")).containsExactly("In news", "In science");
        assertThat(titles("/news/science/atom.xml")).containsExactly("In science");
        assertThat(titles("/tag/politics/feed.xml")).containsExactly("In news");
        assertThat(titles("/author/ada-lovelace/atom.xml")).containsExactly("In science");
        assertThat(rome(f.get("/news/science/feed.xml").body()).getTitle()).isEqualTo("Science | Broadsheet");
    }

    @Test
    void unknownScopesAnswer404() {
        for (String path : List.of("/nowhere/feed.xml", "/news/nowhere/atom.xml", "/tag/nothing/feed.xml",
                "/author/nobody/atom.xml")) {
            assertThat(f.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void conditionalGetAnswers304UntilSomethingIsPublished() {
        f.publish(f.news, "First", FeedFixture.NOW.minusSeconds(600), List.of(), List.of(), false);
        HttpResponse<String> first = f.get("/feed.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");

        HttpResponse<String> byEtag = f.get("/feed.xml", "If-None-Match", etag);
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(f.get("/feed.xml", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(f.get("/feed.xml", "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(f.get("/feed.xml", "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
        assertThat(f.get("/feed.xml", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);

        f.publish(f.news, "Second", FeedFixture.NOW.minusSeconds(60), List.of(), List.of(), false);
        f.clock.advance(FeedService.FRESHNESS.plusSeconds(1));
        HttpResponse<String> after = f.get("/feed.xml", "If-None-Match", etag, "If-Modified-Since", lastModified);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(f.get("/feed.xml", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
    }

    @Test
    void headRequestsGetTheHeadersWithoutTheBody() throws Exception {
        f.publish(f.news, "Story", FeedFixture.NOW.minusSeconds(60), List.of(), List.of(), false);
        for (String path : List.of("/feed.xml", "/news/atom.xml", "/sitemap.xml", "/robots.txt")) {
            HttpResponse<String> head = f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.baseUrl() + path))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("ETag")).isEqualTo(f.get(path).headers().firstValue("ETag"));
        }
    }

    @Test
    void embargoedArticlesStayOutUntilTheirTime() throws Exception {
        f.publish(f.news, "Visible", FeedFixture.NOW.minusSeconds(60), List.of("Ada Lovelace"), List.of("Space"), false);
        f.publish(f.news, "Embargoed", FeedFixture.NOW.plus(Duration.ofHours(1)), List.of("Ada Lovelace"), List.of("Space"), false);

        for (String path : List.of("/feed.xml", "/atom.xml", "/news/feed.xml", "/tag/space/feed.xml", "/author/ada-lovelace/atom.xml")) {
            assertThat(titles(path)).as(path).containsExactly("Visible");
        }
        f.clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(titles("/feed.xml")).containsExactly("Embargoed", "Visible");
        assertThat(titles("/tag/space/atom.xml")).containsExactly("Embargoed", "Visible");
    }

    @Test
    void summaryModeLeavesOutTheFullText() throws Exception {
        f.publish(f.news, "Story", FeedFixture.NOW.minusSeconds(60), List.of(), List.of(), false);
        assertThat(f.get("/feed.xml").body()).contains("content:encoded");

        f.app.database().jdbi().useHandle(h -> h.execute("INSERT INTO site_settings (name, value) VALUES (?, 'false')", FeedOptions.FULL_TEXT));
        f.clock.advance(FeedService.FRESHNESS.plusSeconds(1));

        assertThat(f.get("/feed.xml").body()).doesNotContain("content:encoded").contains("Standfirst of Story.");
        SyndEntry atom = rome(f.get("/atom.xml").body()).getEntries().get(0);
        assertThat(atom.getContents()).isEmpty();
        assertThat(atom.getDescription().getValue()).isEqualTo("Standfirst of Story.");
    }

    @Test
    void pagesAnnounceTheirFeeds() {
        f.publish(f.science, "Story", FeedFixture.NOW.minusSeconds(60), List.of("Ada Lovelace"), List.of("Space"), false);
        assertThat(alternates("/")).containsExactly("application/rss+xml /feed.xml", "application/atom+xml /atom.xml");
        assertThat(alternates("/news/science/"))
                .containsExactly("application/rss+xml /news/science/feed.xml", "application/atom+xml /news/science/atom.xml");
        assertThat(alternates("/tag/space/")).containsExactly("application/rss+xml /tag/space/feed.xml", "application/atom+xml /tag/space/atom.xml");
        assertThat(alternates("/author/ada-lovelace/"))
                .containsExactly("application/rss+xml /author/ada-lovelace/feed.xml", "application/atom+xml /author/ada-lovelace/atom.xml");
        assertThat(alternates("/news/science/2026/11/20/story/")).containsExactly("application/rss+xml /feed.xml", "application/atom+xml /atom.xml");
    }

    private List<String> alternates(String path) {
        HttpResponse<String> page = f.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(page.body()).select("head link[rel=alternate]").stream()
                .map(l -> l.attr("type") + " " + l.attr("href")).toList();
    }

    private List<String> titles(String path) throws Exception {
        HttpResponse<String> r = f.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return rome(r.body()).getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    static SyndFeed rome(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }
}
