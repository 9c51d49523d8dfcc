package org.broadsheet.search;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Search and related posts at scale: N synthetic-but-realistic articles (default 100,000), each a Reuters
 * story with its first topic as section, a paragraph of another story appended and its date moved on by a
 * few months per round, imported through {@link ArticleService#importPublished}. Measures the full
 * rebuild (what {@code reindex} runs), search latency through {@link SearchService#search} (query,
 * highlighting and the summaries query; HTTP not included) and the related-posts computation for one
 * article, then leaves the data folder for {@code java -jar target/broadsheet.jar reindex --data DIR}
 * when {@code -Dkeep=true}.
 *
 * <p>Run: {@code java -cp bench/search/target/classes:target/broadsheet.jar org.broadsheet.search.ScaleBench [n]}
 */
public final class ScaleBench {

    /** CPU time of this thread: the machine the figures come from is shared, so wall time alone overstates. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path corpus = ReutersCorpus.locate();
        if (corpus == null) {
            System.out.println("Reuters-21578 not found (expected " + ReutersCorpus.DEFAULT + "); skipping.");
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<ReutersCorpus.Story> stories = ReutersCorpus.read(corpus);
        String reuse = System.getProperty("data");
        Path dir = reuse != null ? Path.of(reuse) : Files.createTempDirectory("broadsheet-scale-");
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        Random rnd = new Random(42);
        try (BenchSite site = new BenchSite(dir, now)) {
            long t0 = System.nanoTime();
            if (reuse == null) {
            List<ArticleService.ImportedArticle> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ReutersCorpus.Story a = stories.get(i % stories.size());
                ReutersCorpus.Story b = stories.get(rnd.nextInt(stories.size()));
                int round = i / stories.size();
                String body = ReutersCorpus.markdown(a.body()) + "\n\n" + ReutersCorpus.markdown(b.body()).split("\n\n")[0];
                Section section = site.section(a.topics().get(0));
                String headline = ReutersCorpus.headline(a);
                batch.add(BenchSite.item(section, "story-" + i, headline, body, a.date().plus(Duration.ofDays(100L * round))));
                if (batch.size() == 1000) {
                    site.importAll(batch);
                    batch.clear();
                }
            }
            site.importAll(batch);
            System.out.printf("Imported %,d articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            }
            List<String> headlines = new ArrayList<>();
            List<Section> sections = new ArrayList<>();
            for (long id : site.articles.publishedIds()) {
                site.articles.findById(id).ifPresent(a -> {
                    headlines.add(a.headline());
                    sections.add(a.section());
                });
            }
            long t1 = System.nanoTime();
            long cpu1 = CPU.getCurrentThreadCpuTime();

            int indexed = site.search.rebuildNow(RebuildProgress.SILENT);
            long t2 = System.nanoTime();
            System.out.printf("Rebuilt the index of %,d articles in %.1f s wall, %.1f s CPU on this thread (the reindex command's work)%n",
                    indexed, (t2 - t1) / 1e9, (CPU.getCurrentThreadCpuTime() - cpu1) / 1e9);

            List<SearchRequest> queries = queries(headlines, sections, rnd, 2_300);
            for (SearchRequest q : queries.subList(0, 300)) {
                site.search.search(q);
            }
            long[] searchNanos = new long[2_000];
            long[] searchCpu = new long[searchNanos.length];
            long hits = 0;
            for (int i = 0; i < searchNanos.length; i++) {
                long c = CPU.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                hits += site.search.search(queries.get(300 + i)).results().total();
                searchNanos[i] = System.nanoTime() - s;
                searchCpu[i] = CPU.getCurrentThreadCpuTime() - c;
            }
            System.out.printf("Search latency over %,d queries (%,d hits in all): wall p50 %.2f ms, p99 %.2f ms; CPU p50 %.2f ms, p99 %.2f ms%n",
                    searchNanos.length, hits, pct(searchNanos, 50), pct(searchNanos, 99), pct(searchCpu, 50), pct(searchCpu, 99));

            List<Long> ids = site.articles.publishedIds();
            for (int i = 0; i < 300; i++) {
                site.index.similar(ids.get(rnd.nextInt(ids.size())), 8, now);
            }
            long[] relatedNanos = new long[1_000];
            long[] relatedCpu = new long[relatedNanos.length];
            long[] servedNanos = new long[1_000];
            for (int i = 0; i < relatedNanos.length; i++) {
                long id = ids.get(rnd.nextInt(ids.size()));
                long c = CPU.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                site.related.compute(id);
                relatedNanos[i] = System.nanoTime() - s;
                relatedCpu[i] = CPU.getCurrentThreadCpuTime() - c;
                s = System.nanoTime();
                site.related.relatedTo(id);
                servedNanos[i] = System.nanoTime() - s;
            }
            System.out.printf("Related posts computed for one article at %,d articles: wall p50 %.2f ms, p99 %.2f ms, mean %.2f ms;"
                    + " CPU p50 %.2f ms, p99 %.2f ms, mean %.2f ms%n", ids.size(), pct(relatedNanos, 50), pct(relatedNanos, 99),
                    mean(relatedNanos), pct(relatedCpu, 50), pct(relatedCpu, 99), mean(relatedCpu));
            System.out.printf("Related posts served on the request path (memory + one summaries query): p50 %.3f ms, p99 %.3f ms%n",
                    pct(servedNanos, 50), pct(servedNanos, 99));
        } finally {
            if (Boolean.getBoolean("keep")) {
                System.out.println("Data folder kept: " + dir + "  (try: time java -jar target/broadsheet.jar reindex --data " + dir + ")");
            } else {
                RelatedQualityBench.deleteRecursively(dir);
            }
        }
    }

    /** Reader-like queries: one to three headline words, some phrases, prefixes, section filters and newest-first. */
    private static List<SearchRequest> queries(List<String> headlines, List<Section> sections, Random rnd, int count) {
        List<SearchRequest> out = new ArrayList<>(count);
        while (out.size() < count) {
            int i = rnd.nextInt(headlines.size());
            List<String> words = Arrays.stream(headlines.get(i).toLowerCase(Locale.ROOT).split("[^a-z]+"))
                    .filter(w -> w.length() >= 4).toList();
            if (words.isEmpty()) {
                continue;
            }
            int start = rnd.nextInt(words.size());
            int len = 1 + rnd.nextInt(Math.min(3, words.size() - start));
            String text = String.join(" ", words.subList(start, start + len));
            int kind = rnd.nextInt(10);
            if (kind == 0 && len > 1) {
                text = "\"" + text + "\"";
            } else if (kind == 1) {
                text = words.get(start).substring(0, 4) + "*";
            }
            Section section = kind == 2 ? sections.get(i) : null;
            SearchQuery.Order order = kind == 3 ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE;
            out.add(new SearchRequest(text, section, null, null, order, rnd.nextInt(10) == 0 ? 2 : 1));
        }
        return out;
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
