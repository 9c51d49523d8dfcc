package org.broadsheet.ranking;

import org.broadsheet.App;
import org.broadsheet.TestApp;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.Section;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.storage.MutableClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A running Broadsheet on a temporary SQLite file with a hand-moved clock, and helpers to read its pages. */
final class RankingSite implements AutoCloseable {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    final MutableClock clock;
    final Path dataDir;
    final RankingSettings rankingSettings;
    private final boolean demo;
    App app;
    private final HttpClient http = HttpClient.newHttpClient();

    RankingSite(Path dataDir, Instant now, RankingSettings rankingSettings) {
        this(dataDir, now, rankingSettings, false);
    }

    /** @param demo load the Wikinews demo articles */
    RankingSite(Path dataDir, Instant now, RankingSettings rankingSettings, boolean demo) {
        this.clock = new MutableClock(now);
        this.dataDir = dataDir;
        this.rankingSettings = rankingSettings;
        this.demo = demo;
        start();
    }

    void start() {
        app = App.start(Settings.forTest(dataDir, null).withDemo(demo).withRanking(rankingSettings), clock);
    }

    /** Stops the app (flushing counts) and starts it again on the same data folder. */
    void restart() {
        app.close();
        start();
    }

    ArticleService articles() {
        return app.articles();
    }

    /** Published articles, in order, each published at the given time. */
    List<ArticleSummary> publish(Instant publishedAt, String... headlines) {
        Section news = articles().sections().byPath("news")
                .orElseGet(() -> articles().createSection(null, "news", "News", "The news.", 1));
        List<ArticleService.ImportedArticle> items = new ArrayList<>();
        for (String h : headlines) {
            items.add(new ArticleService.ImportedArticle(new ArticleDraft(news.id(), null, h, "About " + h + ".",
                    "Body of " + h + ".", null, null, null, null, List.of("A. Reporter"), List.of("Topic"), null), publishedAt));
        }
        List<Long> ids = articles().importPublished(items);
        ids.forEach(id -> app.ranking().published().refresh(id));
        return ids.stream().map(id -> articles().findById(id).orElseThrow())
                .map(a -> new ArticleSummary(a.id(), a.section(), a.slug(), a.headline(), a.standfirst(), a.publishedAt(),
                        null, null, articles().url(a)))
                .toList();
    }

    HttpResponse<String> get(String path, String userAgent, String... headers) {
        return send(request(path, userAgent, headers).GET().build());
    }

    HttpResponse<String> head(String path, String userAgent) {
        return send(request(path, userAgent).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> post(String path, String userAgent, String... headers) {
        return send(request(path, userAgent, headers).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path, String userAgent, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("User-Agent", userAgent);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestApp.send(http, request, HttpResponse.BodyHandlers.ofString());
    }

    /** Writes counted reads and recomputes the lists, as the background threads would. */
    void settle() {
        app.ranking().flushNow();
        app.ranking().refreshNow();
    }

    long total(ArticleSummary a) {
        return app.ranking().store().total(a.id());
    }

    List<String> top() {
        return app.ranking().rankings().topThisWeek().stream().map(ArticleSummary::headline).toList();
    }

    List<String> popular() {
        return app.ranking().rankings().popular().stream().map(ArticleSummary::headline).toList();
    }

    List<String> trending() {
        return app.ranking().rankings().trending().stream().map(ArticleSummary::headline).toList();
    }

    @Override
    public void close() {
        app.close();
    }
}
