package org.broadsheet.comment;

import gg.jte.Content;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleAddon;
import org.broadsheet.web.Templates;

/**
 * The comments under every article: first page of approved threads and the reply form. Shared by every
 * reader (the page may be cached), so it holds nothing personal: the form's token is a signed timestamp that
 * the page script refreshes, and a reader's own held comment is fetched by the script.
 */
final class CommentAddon implements ArticleAddon {

    private final PublicComments pages;
    private final Templates templates;

    CommentAddon(PublicComments pages, Templates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public Content render(Article article) {
        return templates.part("comment/block.jte", pages.sharedBlock(article));
    }
}
