package org.broadsheet.search;

import org.broadsheet.article.Article;
import org.broadsheet.article.Author;
import org.broadsheet.article.Tag;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows about one published article: its text as plain words and the facts the filters
 * and related posts need. Built from an {@link Article}; immutable.
 *
 * @param body       the body as plain text (tags stripped from the rendered HTML)
 * @param tagIds     ids of the article's tags, for the related-posts boost
 * @param tagNames   tag names, searched as text
 * @param authors    byline names, searched as text
 */
public record IndexedArticle(long id, long sectionId, String headline, String standfirst, String body,
                             List<Long> tagIds, List<String> tagNames, List<String> authors, Instant publishedAt) {

    public IndexedArticle {
        tagIds = List.copyOf(tagIds);
        tagNames = List.copyOf(tagNames);
        authors = List.copyOf(authors);
        standfirst = standfirst == null ? "" : standfirst;
        body = body == null ? "" : body;
    }

    /** The index entry for an article; its body HTML is reduced to text with paragraph breaks kept as spaces. */
    public static IndexedArticle of(Article a) {
        String body = a.bodyHtml() == null || a.bodyHtml().isBlank() ? plainMarkdown(a.bodyMarkdown())
                : Jsoup.parse(a.bodyHtml()).text();
        return new IndexedArticle(a.id(), a.section().id(), a.headline(), a.standfirst(), body,
                a.tags().stream().map(Tag::id).toList(), a.tags().stream().map(Tag::name).toList(),
                a.bylines().stream().map(Author::name).toList(), a.publishedAt());
    }

    private static String plainMarkdown(String markdown) {
        return markdown == null ? "" : markdown.replaceAll("[#*_`>\\[\\]()!-]+", " ");
    }
}
