package org.broadsheet.feed;

import org.broadsheet.App;
import org.broadsheet.TestApp;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleService.ImportedArticle;
import org.broadsheet.article.Section;
import org.broadsheet.config.Settings;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.MutableClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A running Broadsheet on a temporary SQLite file with a small newsroom: a section with a subsection,
 * articles with bylines, tags and a lead photo, and a mutable clock. One per test class.
 */
final class FeedFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final App app;
    final ArticleService articles;
    final Section news;
    final Section science;
    final HttpClient http = HttpClient.newHttpClient();
    final long photoId;

    FeedFixture(Path dir) {
        this(dir, null);
    }

    FeedFixture(Path dir, String databaseUrl) {
        app = App.start(Settings.forTest(dir, databaseUrl), clock);
        articles = app.articles();
        news = articles.createSection(null, "news", "News", "", 1);
        science = articles.createSection(news, "science", "Science", "Discoveries and research.", 1);
        photoId = new MediaLibrary(app.database().jdbi(), dir.resolve("media"), clock).store(TestImages.png(40, 30)).id();
    }

    /** Publishes an article at {@code publishedAt} (a future time makes it embargoed until then). */
    long publish(Section section, String headline, Instant publishedAt, List<String> bylines, List<String> tags, boolean photo) {
        ArticleDraft draft = new ArticleDraft(section.id(), null, headline, "Standfirst of " + headline + ".",
                "Body of **" + headline + "** with [a link](/news/) & more.", photo ? photoId : null,
                photo ? "A photo" : null, null, null, bylines, tags, null);
        return articles.importPublished(List.of(new ImportedArticle(draft, publishedAt))).get(0);
    }

    String baseUrl() {
        return "http://localhost:" + app.port();
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return TestApp.send(http, b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs an XML document, which must answer 200, and parses it (namespace-aware, no DOCTYPE allowed). */
    org.w3c.dom.Document xml(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        app.close();
    }
}
