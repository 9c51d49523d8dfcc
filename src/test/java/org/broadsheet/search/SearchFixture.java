package org.broadsheet.search;

import org.broadsheet.App;
import org.broadsheet.article.Section;
import org.broadsheet.article.TestPublishing;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.config.Settings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A running Broadsheet on a random port with a real SQLite file, a hand-moved clock and an HTTP client. */
final class SearchFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    final MutableClock clock;
    final App app;
    final TestPublishing publishing;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SearchFixture(App app, MutableClock clock) {
        this.app = app;
        this.clock = clock;
        this.publishing = new TestPublishing(app.articles(), app.database().jdbi());
    }

    static SearchFixture start(Path dataDir, boolean demo) {
        return start(dataDir, demo, RelatedPosts.SMALL_ARCHIVE);
    }

    /** A site whose archive counts as big (every older list computed after its first reader) above {@code relatedAtStart} articles. */
    static SearchFixture start(Path dataDir, boolean demo, int relatedAtStart) {
        MutableClock clock = new MutableClock(NOW);
        SearchFixture f = new SearchFixture(App.start(Settings.forTest(dataDir, null).withDemo(demo), clock,
                CommentSettings.fromEnvironment(System.getenv()), relatedAtStart), clock);
        f.await(() -> f.app.search().ready(), "the search index is ready", Duration.ofSeconds(60));
        return f;
    }

    HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Document page(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        return Jsoup.parse(r.body(), "http://localhost/");
    }

    /** Headlines of the results on a search page, in order. */
    List<String> headlines(String pathAndQuery) {
        return page(pathAndQuery).select(".search-results h2 a").eachText();
    }

    Section section(String path) {
        return app.articles().sections().byPath(path).orElseThrow();
    }

    long publish(String sectionPath, String headline, String body, Instant at) {
        return publishing.publish(section(sectionPath), headline, "", body, List.of(), at);
    }

    /** Waits for a condition, failing after five seconds (the index must follow within one). */
    void await(BooleanSupplier condition, String what) {
        await(condition, what, Duration.ofSeconds(5));
    }

    void await(BooleanSupplier condition, String what, Duration timeout) {
        org.broadsheet.Await.until(what, condition, timeout);
    }

    @Override
    public void close() {
        app.close();
    }
}
