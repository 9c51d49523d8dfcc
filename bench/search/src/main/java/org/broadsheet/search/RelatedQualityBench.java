package org.broadsheet.search;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.Section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How good are related posts? On Reuters-21578: every story with a title, a body and a topic is imported
 * through the product with its first topic as its section; each recommendation scores the number of
 * Reuters labels (topics, places, people, orgs, exchanges) it shares with its article, and the mean over
 * k = 4 slots (an empty slot scores 0) is compared with the "newest in the same section" list news themes
 * show and with random picks from the same section. Skips cleanly when the corpus is absent.
 *
 * <p>Run: {@code java -cp bench/search/target/classes:target/broadsheet.jar org.broadsheet.search.RelatedQualityBench [sample]}
 */
public final class RelatedQualityBench {

    private static final int K = 4;

    public static void main(String[] args) throws Exception {
        Path corpus = ReutersCorpus.locate();
        if (corpus == null) {
            System.out.println("Reuters-21578 not found (expected " + ReutersCorpus.DEFAULT + "); skipping.");
            return;
        }
        int sample = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        List<ReutersCorpus.Story> stories = ReutersCorpus.read(corpus);
        Path dir = Files.createTempDirectory("broadsheet-reuters-");
        Instant now = Instant.parse("1988-01-01T00:00:00Z");
        try (BenchSite site = new BenchSite(dir, now)) {
            long t0 = System.nanoTime();
            List<ArticleService.ImportedArticle> items = new ArrayList<>();
            for (int i = 0; i < stories.size(); i++) {
                ReutersCorpus.Story s = stories.get(i);
                items.add(BenchSite.item(site.section(s.topics().get(0)), "reuters-" + i, ReutersCorpus.headline(s),
                        ReutersCorpus.markdown(s.body()), s.date()));
            }
            List<Long> ids = site.importAll(items);
            Map<Long, Set<String>> labels = new HashMap<>();
            Map<Long, Section> sectionOf = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                labels.put(ids.get(i), stories.get(i).labels());
                sectionOf.put(ids.get(i), site.section(stories.get(i).topics().get(0)));
            }
            long t1 = System.nanoTime();
            site.search.rebuildNow(RebuildProgress.SILENT);
            long t2 = System.nanoTime();
            System.out.printf("Imported %,d Reuters stories in %.1f s, indexed in %.1f s%n", ids.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);

            List<Long> order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(42));
            List<Long> evaluated = order.subList(0, Math.min(sample, order.size()));
            Map<Section, List<Long>> bySection = new HashMap<>();
            ids.forEach(id -> bySection.computeIfAbsent(sectionOf.get(id), k -> new ArrayList<>()).add(id));

            List<RelatednessBoost.Tuning> tunings = tunings(args);
            double[] ours = new double[tunings.size()];
            double newest = 0;
            double random = 0;
            Random rnd = new Random(7);
            long relatedNanos = 0;
            for (long id : evaluated) {
                Set<String> mine = labels.get(id);
                for (int t = 0; t < tunings.size(); t++) {
                    long s = System.nanoTime();
                    List<Long> picked = site.index.similar(id, K, now, tunings.get(t));
                    relatedNanos += t == 0 ? System.nanoTime() - s : 0;
                    ours[t] += score(mine, picked, labels);
                }
                newest += score(mine, newestInSection(site, sectionOf.get(id), id), labels);
                random += score(mine, randomInSection(bySection.get(sectionOf.get(id)), id, rnd), labels);
            }
            int n = evaluated.size();
            double oracle = 0;
            for (long id : evaluated) {
                oracle += oracle(id, ids, labels);
            }
            System.out.printf("Articles evaluated: %,d of %,d; mean shared Reuters labels per recommendation at k=%d:%n", n, ids.size(), K);
            System.out.printf("  best possible (the 4 articles sharing most labels, chosen by the labels themselves) %.3f = %.2fx newest%n",
                    oracle / n, oracle / newest);
            System.out.printf("  newest in the same section  %.3f%n", newest / n);
            System.out.printf("  random from the same section %.3f%n", random / n);
            for (int t = 0; t < tunings.size(); t++) {
                System.out.printf("  related posts (ours)         %.3f  = %.2fx newest, %.2fx random   %s%n", ours[t] / n,
                        ours[t] / newest, ours[t] / random, tunings.get(t));
            }
            System.out.printf("Related posts for one article at %,d articles: %.2f ms on average%n", ids.size(), relatedNanos / 1e6 / n);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The default weights, or the grid given as -Dgrid=sectionFactor/perSharedTag/halfLifeDays/maxTerms/nearDuplicate,... */
    private static List<RelatednessBoost.Tuning> tunings(String[] args) {
        List<RelatednessBoost.Tuning> out = new ArrayList<>();
        out.add(RelatednessBoost.Tuning.DEFAULT);
        String grid = System.getProperty("grid", "");
        for (String g : grid.split(",")) {
            if (g.isBlank()) {
                continue;
            }
            String[] p = g.split("/");
            out.add(new RelatednessBoost.Tuning(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Integer.parseInt(p[3]), Double.parseDouble(p[4])));
        }
        return out;
    }

    /** What a news theme shows: the section's latest articles, through the same service call as the section page. */
    private static List<Long> newestInSection(BenchSite site, Section section, long self) {
        return site.articles.inSection(section, 1, K + 1).items().stream().map(ArticleSummary::id)
                .filter(id -> id != self).limit(K).toList();
    }

    private static List<Long> randomInSection(List<Long> section, long self, Random rnd) {
        List<Long> others = new ArrayList<>(section);
        others.remove(self);
        Collections.shuffle(others, rnd);
        return others.subList(0, Math.min(K, others.size()));
    }

    /** The ceiling: the score of the k articles that share the most labels, picked with the answers in hand. */
    private static double oracle(long self, List<Long> ids, Map<Long, Set<String>> labels) {
        Set<String> mine = labels.get(self);
        int[] best = new int[K];
        for (long other : ids) {
            if (other == self) {
                continue;
            }
            int shared = 0;
            for (String l : labels.get(other)) {
                if (mine.contains(l)) {
                    shared++;
                }
            }
            for (int i = 0; i < K; i++) {
                if (shared > best[i]) {
                    System.arraycopy(best, i, best, i + 1, K - i - 1);
                    best[i] = shared;
                    break;
                }
            }
        }
        return java.util.Arrays.stream(best).sum() / (double) K;
    }

    /** Mean shared labels over the k slots; a slot left empty scores 0. */
    private static double score(Set<String> mine, List<Long> picked, Map<Long, Set<String>> labels) {
        double total = 0;
        for (long id : picked) {
            for (String l : labels.get(id)) {
                if (mine.contains(l)) {
                    total++;
                }
            }
        }
        return total / K;
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
