package org.broadsheet;

import org.broadsheet.article.ArticleService;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.storage.Database;
import org.broadsheet.web.BodyLimits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The real {@link App} on a random port, with a SQLite file in a temporary folder (or another JDBC URL),
 * and an HTTP client that does not follow redirects. Build one with {@link #in(Path)}.
 */
public final class TestApp implements AutoCloseable {

    /** The default test time: after every demo article, and the same on every run. */
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final App app;
    private final Settings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestApp(App app, Settings settings, Clock clock) {
        this.app = app;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts building an app whose data (and SQLite file) live in {@code dataDir}, e.g. a JUnit {@code @TempDir}. */
    public static Builder in(Path dataDir) {
        return new Builder(dataDir);
    }

    public static final class Builder {
        private final Path dataDir;
        private String jdbcUrl;
        private boolean demo;
        private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        private BodyLimits bodyLimits = BodyLimits.DEFAULTS;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** Load the Wikinews demo content (about a second). */
        public Builder withDemo() {
            this.demo = true;
            return this;
        }

        /** Use this database instead of the SQLite file in the data folder. */
        public Builder database(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Limit arriving request bodies so (a short grace period cuts slow senders off quickly). */
        public Builder bodyLimits(BodyLimits limits) {
            this.bodyLimits = limits;
            return this;
        }

        public TestApp start() {
            Settings settings = Settings.forTest(dataDir, jdbcUrl).withDemo(demo);
            return new TestApp(App.start(settings, clock, CommentSettings.fromEnvironment(System.getenv()), bodyLimits),
                    settings, clock);
        }
    }

    public App app() {
        return app;
    }

    /**
     * Waits until the work a start begins in the background is done (search index checked, related lists of
     * recent articles computed): until then any page rendered may be served but not kept, because a list it
     * shows was changing.
     */
    public void awaitBackgroundWork() {
        Await.until("the background work after start is done", () -> app.search().ready() && app.search().idle(),
                java.time.Duration.ofSeconds(30));
    }

    public ArticleService articles() {
        return app.articles();
    }

    public Database database() {
        return app.database();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** The media library of this app's data folder, to store images as an editor would. */
    public MediaLibrary media() {
        return new MediaLibrary(app.database().jdbi(), settings.mediaDir(), clock);
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + app.port() + pathAndQuery);
    }

    /** GETs a path as a browser would (asking for HTML), without following redirects. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(pathAndQuery, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String pathAndQuery) {
        return send(pathAndQuery, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Parses a response body as HTML, with the app's address as base for absolute links. */
    public Document parse(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), uri("/").toString());
    }

    private <T> HttpResponse<T> send(String pathAndQuery, HttpResponse.BodyHandler<T> body) {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Accept", "text/html,application/xhtml+xml")
                .timeout(Duration.ofSeconds(20))
                .GET().build();
        return send(http, request, body);
    }

    /** Sends a request, turning I/O failures into unchecked ones so tests read straight. */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    /** A form POST of an encoded body, with this Origin header ({@code null}: none). */
    public static HttpRequest formPost(URI uri, String body, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b.build();
    }

    @Override
    public void close() {
        app.close();
    }
}
