package org.broadsheet.feed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article stored before the newsroom refused control characters (or brought in by an import) must not make a
 * feed or sitemap unreadable for every subscriber: the characters XML forbids are dropped on output.
 */
class ControlCharacterFeedsTest {

    @TempDir
    static Path dir;
    private static FeedFixture f;

    @BeforeAll
    static void start() {
        f = new FeedFixture(dir);
        f.publish(f.news, "Storm\u0000 hits\u000b the\uFFFE coast", FeedFixture.NOW.minus(Duration.ofHours(1)),
                List.of("Ann\u0001 Writer"), List.of("Weather\u0007"), true);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed.xml", "/atom.xml", "/news/feed.xml", "/news/atom.xml", "/news-sitemap.xml", "/sitemap.xml",
            "/sitemaps/articles-1.xml", "/sitemaps/tags-1.xml", "/sitemaps/authors-1.xml"})
    void everyFeedAndSitemapStaysWellFormedXml(String path) throws Exception {
        Document doc = parse(path);
        assertThat(doc.getDocumentElement()).isNotNull();
    }

    @Test
    void theHeadlineKeepsItsReadableCharacters() throws Exception {
        assertThat(parse("/news-sitemap.xml").getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("Storm hits the coast");
        assertThat(parse("/feed.xml").getDocumentElement().getTextContent()).contains("Storm hits the coast").contains("Ann Writer")
                .contains("Weather");
    }

    private static Document parse(String path) throws Exception {
        return f.xml(path);
    }
}
