package org.broadsheet.feed;

import org.broadsheet.article.ArticleSummary;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What one feed covers: the whole site, a section (with its subsections), a tag or an author.
 *
 * @param pagePath the HTML page the feed mirrors, e.g. {@code /news/}; the feeds live below it
 * @param latest   the newest published articles of the scope, at most the given number
 */
record FeedScope(String pagePath, String title, String description, IntFunction<List<ArticleSummary>> latest) {

    String feedPath(FeedFormat format) {
        return pagePath + format.fileName();
    }
}
