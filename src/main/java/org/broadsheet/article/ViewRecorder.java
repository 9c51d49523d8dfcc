package org.broadsheet.article;

import gg.jte.Content;
import org.broadsheet.web.RequestFacts;

/**
 * Counts reads of article pages. Implemented by the ranking feature's web adapter; {@link #NONE} until
 * it is wired. Only the public article route calls it, so newsroom previews are never counted.
 * Thread-safe; never touches the database.
 */
public interface ViewRecorder {

    /** The article page was served for this request, rendered or from the page cache (server-side counting). */
    void pageRendered(RequestFacts request, long articleId);

    /** Markup the article page carries so the reader's browser reports the read (beacon counting), or empty. */
    Content pageMarkup(Article article);

    Content EMPTY = output -> { };

    ViewRecorder NONE = new ViewRecorder() {
        @Override
        public void pageRendered(RequestFacts request, long articleId) {
        }

        @Override
        public Content pageMarkup(Article article) {
            return EMPTY;
        }
    };
}
