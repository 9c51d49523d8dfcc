package org.broadsheet.feed;

import org.broadsheet.article.ArticleCatalog;
import org.broadsheet.storage.TestPostgres;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's SQL (window functions, grouping, embargo filter) and the sitemap pagination built on it,
 * on SQLite and on PostgreSQL, with two addresses per sitemap so that pages are easy to count.
 */
class SitemapPaginationTest {

    private static final SitemapSchemas SCHEMAS = new SitemapSchemas();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void articlesTagsAndAuthorsArePagedWithEachPagesLastmod(String dialect) throws Exception {
        try (FeedFixture f = new FeedFixture(dir, databaseUrl(dialect))) {
            Instant base = FeedFixture.NOW.minus(Duration.ofDays(10));
            for (int i = 0; i < 5; i++) {
                f.publish(f.news, "Story " + i, base.plus(Duration.ofHours(i)), List.of("Writer " + i), List.of("Topic " + i), false);
            }
            f.publish(f.news, "Embargoed", FeedFixture.NOW.plus(Duration.ofDays(1)), List.of("Writer 9"), List.of("Topic 9"), false);
            SitemapService sitemaps = new SitemapService(new ArticleCatalog(f.app.database().jdbi(), f.articles.sections(),
                    f.articles.urls(), f.clock), "Broadsheet", "https://news.example", f.clock, 2);

            String index = text(sitemaps.index());
            SCHEMAS.validateIndex(index);
            var doc = Jsoup.parse(index, "", Parser.xmlParser());
            assertThat(doc.select("sitemap > loc").eachText()).containsExactly("https://news.example/sitemaps/pages.xml",
                    "https://news.example/sitemaps/articles-1.xml", "https://news.example/sitemaps/articles-2.xml",
                    "https://news.example/sitemaps/articles-3.xml", "https://news.example/sitemaps/tags-1.xml",
                    "https://news.example/sitemaps/tags-2.xml", "https://news.example/sitemaps/tags-3.xml",
                    "https://news.example/sitemaps/authors-1.xml", "https://news.example/sitemaps/authors-2.xml",
                    "https://news.example/sitemaps/authors-3.xml");
            assertThat(doc.select("sitemap > lastmod").eachText().subList(1, 4))
                    .containsExactly("2026-11-10T13:00:00Z", "2026-11-10T15:00:00Z", "2026-11-10T16:00:00Z");

            String lastArticles = text(sitemaps.page(SitemapService.Kind.ARTICLES, 3).orElseThrow());
            SCHEMAS.validateUrlset(lastArticles);
            assertThat(Jsoup.parse(lastArticles, "", Parser.xmlParser()).select("url > loc").eachText())
                    .containsExactly("https://news.example/news/2026/11/10/story-4/");
            assertThat(sitemaps.page(SitemapService.Kind.ARTICLES, 4)).isEmpty();
            assertThat(Jsoup.parse(text(sitemaps.page(SitemapService.Kind.TAGS, 1).orElseThrow()), "", Parser.xmlParser())
                    .select("url > loc").eachText()).containsExactly("https://news.example/tag/topic-0/", "https://news.example/tag/topic-1/");
            assertThat(sitemaps.page(SitemapService.Kind.AUTHORS, 4)).isEmpty();
        }
    }

    private String databaseUrl(String dialect) {
        return "sqlite".equals(dialect) ? null : TestPostgres.freshDatabaseUrl();
    }

    private static String text(XmlDocument doc) {
        return new String(doc.body(), StandardCharsets.UTF_8);
    }

}
