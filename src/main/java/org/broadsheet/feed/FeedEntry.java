package org.broadsheet.feed;

import org.broadsheet.article.Article;
import org.broadsheet.media.MediaLibrary.FileFacts;

import java.time.Instant;

/**
 * One article as a feed carries it.
 *
 * @param url       absolute permalink
 * @param bodyHtml  the body with every link and image made absolute, or null for summary-only feeds
 * @param enclosure type and size of the lead image file, or null when there is none
 */
record FeedEntry(Article article, String url, String bodyHtml, FileFacts enclosure) {

    /** When the text last changed: the later of publication and the last content update. */
    Instant updated() {
        return article.wasUpdated() ? article.contentUpdatedAt() : article.publishedAt();
    }
}
