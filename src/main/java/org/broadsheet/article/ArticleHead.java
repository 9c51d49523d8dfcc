package org.broadsheet.article;

import gg.jte.Content;

/**
 * Extra markup for the article page's {@code <head>} that another feature owns (structured data and
 * sharing tags). Like {@link ArticleAddon}, it renders nothing personal: the page may be cached.
 */
@FunctionalInterface
public interface ArticleHead {

    /** The head markup for an article with its corrections and updates (oldest first). */
    Content render(Article article, java.util.List<Correction> corrections);

    ArticleHead NONE = (article, corrections) -> output -> { };
}
