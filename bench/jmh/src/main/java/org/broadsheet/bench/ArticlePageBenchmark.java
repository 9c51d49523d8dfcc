package org.broadsheet.bench;

import org.broadsheet.App;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.SyntheticNews;
import org.broadsheet.demo.WikinewsDemo;
import org.broadsheet.storage.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An article page rendered on a cache miss (the page cache switched off), over real HTTP on loopback,
 * against an archive of {@code articles} articles: the lookup, the discovery lists from memory and the jte
 * render, for {@code distinct} different articles. The archive is generated once per size under /tmp and
 * reused (bench/run.sh makes the same folders).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArticlePageBenchmark {

    @Param("100000")
    public int articles;

    /**
     * How many different articles the requests cycle through: 20,000 is far more than the in-memory read
     * caches hold, so nearly every request reads its article from the store (the cold path); 1 measures
     * the render with the article's data already in memory.
     */
    @Param({"20000", "1"})
    public int distinct;

    private App app;
    private HttpClient http;
    private List<String> urls;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path data = Path.of("/tmp/broadsheet-bench-data-" + articles);
        if (!Files.exists(data.resolve("broadsheet.db"))) {
            Files.createDirectories(data);
            try (Database db = Database.open("jdbc:sqlite:" + data.resolve("broadsheet.db"))) {
                ArticleService service = new ArticleService(db.jdbi(), ArticleService.sectionDirectory(db.jdbi()),
                        new ArticleUrls(ZoneOffset.UTC), Clock.systemUTC());
                new WikinewsDemo(service).load();
                new SyntheticNews(service).generate(articles, Clock.systemUTC().instant(), Duration.ofDays(365), 1, n -> { });
            }
        }
        app = App.start(new Settings(0, data, null, false, "Broadsheet", null).withPageCache(false), Clock.systemUTC());
        urls = new java.util.ArrayList<>();
        for (int page = 1; urls.size() < distinct; page++) {
            int size = Math.min(500, distinct);
            var items = app.articles().latest(page, size).items();
            if (items.isEmpty()) {
                break;
            }
            items.stream().limit(distinct - urls.size()).forEach(s -> urls.add(s.url()));
        }
        java.util.Collections.shuffle(urls, new java.util.Random(1));
        http = HttpClient.newHttpClient();
    }

    @TearDown(Level.Trial)
    public void stop() {
        app.close();
    }

    @Benchmark
    public int renderArticlePage() throws Exception {
        String url = urls.get(next++ % urls.size());
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body().length;
    }
}
