package org.broadsheet.demo;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BodyRenderer;
import org.broadsheet.article.Section;
import org.broadsheet.article.Slugs;
import org.broadsheet.article.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a large, realistic-looking archive for load tests and benchmarks by recombining the
 * Wikinews demo articles' sentences and paragraphs: N articles spread over the sections and over time,
 * with 1–3 bylines from a fixed newsroom and 3–5 tags each. Goes through {@link ArticleService} like
 * any import. Deterministic for a given seed.
 */
public final class SyntheticNews {

    private static final Logger log = LoggerFactory.getLogger(SyntheticNews.class);
    private static final int BATCH = 500;
    private static final List<String> NEWSROOM = List.of("Amina Diallo", "Tomás Herrera", "Grace Okafor", "Lukas Brandt",
            "Mei Lin", "Priya Raman", "Oliver Grant", "Sofia Marino");

    /** A generated article as stored. */
    public record Stored(long id, Instant publishedAt) {
    }

    private final ArticleService articles;
    private final DemoText text;

    public SyntheticNews(ArticleService articles) {
        this(articles, DemoText.load(new WikinewsDemo(articles)));
    }

    SyntheticNews(ArticleService articles, DemoText text) {
        this.articles = articles;
        this.text = text;
    }

    /**
     * Adds {@code count} published articles dated from {@code newest} backwards over {@code span}, in
     * transactions of {@value #BATCH}, and hands each stored batch to {@code afterBatch}. Sections must
     * exist (load the demo first).
     */
    public void generate(int count, Instant newest, Duration span, long seed, Consumer<List<Stored>> afterBatch) {
        List<Section> sections = articles.sections().all();
        if (sections.isEmpty()) {
            throw new IllegalStateException("no sections: load the demo content first");
        }
        SplittableRandom random = new SplittableRandom(seed);
        long spanMillis = span.toMillis();
        List<ArticleService.ImportedArticle> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            String slugSuffix = Long.toString(seed % 1000 * 100_000_000L + i, 36);
            ArticleDraft draft = draft(sections, slugSuffix, random);
            Instant published = newest.minusMillis((long) (random.nextDouble() * spanMillis));
            batch.add(new ArticleService.ImportedArticle(draft, published));
            if (batch.size() == BATCH || i == count - 1) {
                afterBatch.accept(store(batch));
                batch.clear();
            }
        }
        log.info("generated {} synthetic articles", count);
    }

    /** The order of the draws is part of what a seed means: change it and a seed gives another archive. */
    private ArticleDraft draft(List<Section> sections, String slugSuffix, SplittableRandom random) {
        String headline = headline(text.headlines(), random);
        List<String> body = new ArrayList<>();
        int n = 6 + random.nextInt(12);
        for (int p = 0; p < n; p++) {
            body.add(text.paragraphs().get(random.nextInt(text.paragraphs().size())));
        }
        List<String> bylines = distinct(NEWSROOM, 1 + (random.nextInt(10) == 0 ? 2 : random.nextInt(4) == 0 ? 1 : 0), random);
        List<String> tags = distinct(text.tags(), 3 + random.nextInt(3), random);
        Section section = sections.get(random.nextInt(sections.size()));
        String markdown = String.join("\n\n", body.stream().map(BodyRenderer::escapeMarkdown).toList());
        return new ArticleDraft(section.id(), Slugs.slugify(headline) + "-" + slugSuffix, headline,
                WikinewsDemo.firstSentence(body.get(0)), markdown, null, null, null, null, bylines, tags, Source.NONE);
    }

    private List<Stored> store(List<ArticleService.ImportedArticle> batch) {
        List<Long> ids = articles.importPublished(batch);
        List<Stored> stored = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            stored.add(new Stored(ids.get(i), batch.get(i).publishedAt()));
        }
        return stored;
    }

    /** {@code n} different entries of the pool, in the order drawn. */
    private static List<String> distinct(List<String> pool, int n, SplittableRandom random) {
        List<String> picked = new ArrayList<>(n);
        while (picked.size() < n) {
            String candidate = pool.get(random.nextInt(pool.size()));
            if (!picked.contains(candidate)) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    /** A plausible headline: the start of one real headline joined to the end of another. */
    private static String headline(List<String> headlines, SplittableRandom random) {
        String a = headlines.get(random.nextInt(headlines.size()));
        String b = headlines.get(random.nextInt(headlines.size()));
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        int cutA = Math.max(2, wa.length / 2);
        int cutB = Math.min(wb.length - 1, wb.length / 2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cutA; i++) {
            out.append(wa[i]).append(' ');
        }
        for (int i = cutB; i < wb.length; i++) {
            out.append(wb[i]).append(i == wb.length - 1 ? "" : " ");
        }
        return out.toString().strip();
    }
}
