package org.broadsheet.article;

import java.util.List;

/**
 * Articles related in content to a given one, served from memory or the store (never computed on the
 * request path). Implemented by the search feature; {@link #NONE} until it is wired. Thread-safe.
 */
@FunctionalInterface
public interface RelatedArticles {

    List<ArticleSummary> relatedTo(long articleId);

    RelatedArticles NONE = id -> List.of();
}
