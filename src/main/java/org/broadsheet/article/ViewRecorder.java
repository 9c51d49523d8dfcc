package org.broadsheet.article;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * Counts reads of article pages. Implemented by the ranking feature's web adapter; {@link #NONE} until
 * it is wired. Only the public article handler calls it, so newsroom previews are never counted.
 * Thread-safe; never touches the database.
 */
public interface ViewRecorder {

    /** The article page was rendered for this request (server-side counting). */
    void pageRendered(Context ctx, Article article);

    /** Markup the article page carries so the reader's browser reports the read (beacon counting), or empty. */
    Content pageMarkup(Article article);

    Content EMPTY = output -> { };

    ViewRecorder NONE = new ViewRecorder() {
        @Override
        public void pageRendered(Context ctx, Article article) {
        }

        @Override
        public Content pageMarkup(Article article) {
            return EMPTY;
        }
    };
}
