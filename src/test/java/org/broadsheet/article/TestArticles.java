package org.broadsheet.article;

import org.broadsheet.media.MediaLibrary;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Builds articles for tests the way an importer supplies them. */
final class TestArticles {

    static final Source WIKINEWS = new Source("Wikinews", "https://en.wikinews.org/wiki/Example", "CC BY 2.5",
            "https://creativecommons.org/licenses/by/2.5/");

    private TestArticles() {
    }

    static ArticleService.ImportedArticle published(Section section, String headline, Instant at,
                                                    List<String> bylines, List<String> tags) {
        return new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null, headline, "What happened in one sentence.",
                "First paragraph of *" + headline + "*.\n\nSecond paragraph.", null, null, null, null, bylines, tags, WIKINEWS), at);
    }

    static ArticleService.ImportedArticle withLeadImage(Section section, String headline, Instant at, MediaLibrary.StoredImage image,
                                                        String alt, String caption, String credit) {
        return new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null, headline, "An article with a photo.",
                "The photo above shows the scene.", image.id(), alt, caption, credit, List.of("Test Reporter"), List.of("Photography"),
                WIKINEWS), at);
    }

    /** Imports one published article and returns it as stored. */
    static Article publish(ArticleService articles, ArticleService.ImportedArticle item) {
        long id = articles.importPublished(List.of(item)).get(0);
        return articles.findById(id).orElseThrow();
    }

    /** Names "prefix 1" … "prefix n", for articles with many bylines or tags. */
    static List<String> names(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + " " + i).toList();
    }
}
