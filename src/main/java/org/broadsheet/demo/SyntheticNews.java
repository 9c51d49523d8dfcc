package org.broadsheet.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BodyRenderer;
import org.broadsheet.article.Section;
import org.broadsheet.article.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Generates a large, realistic-looking archive for load tests and benchmarks by recombining the
 * Wikinews demo articles' sentences and paragraphs: N articles spread over the sections and over time,
 * with 1–3 bylines from a fixed newsroom and 3–5 tags each. Goes through {@link ArticleService} like
 * any import. Deterministic for a given seed.
 */
public final class SyntheticNews {

    private static final Logger log = LoggerFactory.getLogger(SyntheticNews.class);
    private static final int BATCH = 500;
    private static final String[] NEWSROOM = {"Amina Diallo", "Tomás Herrera", "Grace Okafor", "Lukas Brandt",
            "Mei Lin", "Priya Raman", "Oliver Grant", "Sofia Marino"};

    private final ArticleService articles;
    private final WikinewsDemo demo;

    public SyntheticNews(ArticleService articles) {
        this.articles = articles;
        this.demo = new WikinewsDemo(articles);
    }

    /**
     * Adds {@code count} published articles dated from {@code newest} backwards over {@code span}.
     * Sections must exist (load the demo first).
     */
    public void generate(int count, Instant newest, Duration span, long seed, IntConsumer progress) {
        List<Section> sections = articles.sections().all();
        if (sections.isEmpty()) {
            throw new IllegalStateException("no sections: load the demo content first");
        }
        List<String> headlines = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        List<String> tagPool = new ArrayList<>();
        for (String line : WikinewsDemo.lines("articles.jsonl")) {
            JsonNode row = demo.readJson(line);
            headlines.add(row.get("title").asText());
            paragraphs.addAll(WikinewsDemo.bodyParagraphs(row.get("text").asText()));
        }
        for (String line : WikinewsDemo.rows("articles.tsv")) {
            String[] cols = line.split("\t", -1);
            for (String t : cols[2].split(",")) {
                if (!t.isBlank() && !tagPool.contains(t.strip())) {
                    tagPool.add(t.strip());
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long spanMillis = span.toMillis();
        List<ArticleService.ImportedArticle> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            String headline = headline(headlines, random);
            List<String> body = new ArrayList<>();
            int n = 6 + random.nextInt(12);
            for (int p = 0; p < n; p++) {
                body.add(paragraphs.get(random.nextInt(paragraphs.size())));
            }
            List<String> bylines = new ArrayList<>();
            int authors = 1 + (random.nextInt(10) == 0 ? 2 : random.nextInt(4) == 0 ? 1 : 0);
            while (bylines.size() < authors) {
                String a = NEWSROOM[random.nextInt(NEWSROOM.length)];
                if (!bylines.contains(a)) {
                    bylines.add(a);
                }
            }
            List<String> tags = new ArrayList<>();
            int tagCount = 3 + random.nextInt(3);
            while (tags.size() < tagCount) {
                String t = tagPool.get(random.nextInt(tagPool.size()));
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
            Section section = sections.get(random.nextInt(sections.size()));
            String markdown = String.join("\n\n", body.stream().map(BodyRenderer::escapeMarkdown).toList());
            String slug = org.broadsheet.article.Slugs.slugify(headline) + "-" + Long.toString(seed % 1000 * 100_000_000L + i, 36);
            ArticleDraft draft = new ArticleDraft(section.id(), slug, headline, WikinewsDemo.firstSentence(body.get(0)),
                    markdown, null, null, null, null, bylines, tags, Source.NONE);
            Instant published = newest.minusMillis((long) (random.nextDouble() * spanMillis));
            batch.add(new ArticleService.ImportedArticle(draft, published));
            if (batch.size() == BATCH || i == count - 1) {
                articles.importPublished(batch);
                batch.clear();
                progress.accept(i + 1);
            }
        }
        log.info("generated {} synthetic articles", count);
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
