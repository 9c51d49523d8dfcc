package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * One article with everything its page shows. Immutable; {@code leadImage} may be null.
 *
 * @param contentUpdatedAt when the published text last changed, or null if never after publication
 * @param version          optimistic-lock counter, bumped on every save
 */
public record Article(long id, Section section, String slug, String headline, String standfirst,
                      String bodyMarkdown, String bodyHtml, LeadImage leadImage,
                      List<Author> bylines, List<Tag> tags, ArticleStatus status,
                      Instant createdAt, Instant publishedAt, Instant updatedAt, Instant contentUpdatedAt,
                      Source source, int version) {

    public Article {
        bylines = List.copyOf(bylines);
        tags = List.copyOf(tags);
    }

    /** The public address: /{section-path}/{yyyy}/{mm}/{dd}/{slug}/ by the publication date. */
    public String url(ArticleUrls urls) {
        return urls.articleUrl(section, publishedAt != null ? publishedAt : createdAt, slug);
    }

    /** True when the text changed after publication, so the page says "Updated …". */
    public boolean wasUpdated() {
        return contentUpdatedAt != null && publishedAt != null && contentUpdatedAt.isAfter(publishedAt);
    }
}
