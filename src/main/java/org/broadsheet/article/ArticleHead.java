package org.broadsheet.article;

import gg.jte.Content;

/**
 * Extra markup for the article page's {@code <head>} that another feature owns (structured data and
 * sharing tags). Like {@link ArticleAddon}, it renders nothing personal: the page may be cached.
 */
@FunctionalInterface
public interface ArticleHead {

    Content render(Article article);

    ArticleHead NONE = article -> output -> { };
}
