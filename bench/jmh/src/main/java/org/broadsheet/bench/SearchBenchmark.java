package org.broadsheet.bench;

import org.broadsheet.App;
import org.broadsheet.config.Settings;
import org.broadsheet.search.SearchOutcome;
import org.broadsheet.search.SearchQuery;
import org.broadsheet.search.SearchRequest;
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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One reader's search on a miss (the result cache switched off), in process: parse, score, highlight and
 * the hits' summaries, without HTTP or the page render. Cycles through the queries of
 * {@code bench/search-queries.txt} (run from the repository root) over the archive bench/run.sh generates
 * for {@code articles} (it must exist and be indexed: {@code bench/run.sh --articles N} makes it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

    @Param("100000")
    public int articles;

    private App app;
    private final List<SearchRequest> requests = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path data = Path.of("/tmp/broadsheet-bench-data-" + articles);
        if (!Files.exists(data.resolve("broadsheet.db"))) {
            throw new IllegalStateException(data + " holds no archive: run bench/run.sh --articles " + articles + " first");
        }
        for (String line : Files.readAllLines(Path.of("bench/search-queries.txt"))) {
            if (!line.isBlank()) {
                requests.add(request(line.substring(line.indexOf('?') + 1)));
            }
        }
        app = App.start(new Settings(0, data, null, false, "Broadsheet", null).withPageCache(false), Clock.systemUTC());
        while (!app.search().ready()) {
            Thread.onSpinWait();
        }
    }

    private static SearchRequest request(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        SearchQuery.Order order = "newest".equals(params.get("order")) ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE;
        return new SearchRequest(params.get("q"), null, null, null, order, Integer.parseInt(params.getOrDefault("page", "1")));
    }

    @TearDown(Level.Trial)
    public void stop() {
        app.close();
    }

    @Benchmark
    public SearchOutcome search() {
        return app.search().search(requests.get(next++ % requests.size()));
    }
}
