package org.broadsheet.article;

import gg.jte.Content;

/**
 * A part of the article page that another feature owns and renders (the comments, below the body).
 * The page is shared by every reader and may be cached, so an addon renders nothing personal.
 */
@FunctionalInterface
public interface ArticleAddon {

    Content render(Article article);

    ArticleAddon NONE = article -> output -> { };
}
