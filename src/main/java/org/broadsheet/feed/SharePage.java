package org.broadsheet.feed;

import java.util.List;

/**
 * What the article page's head carries for search engines and social networks.
 *
 * @param meta       OpenGraph ({@code property=}) and Twitter ({@code name=}) tags, in order
 * @param jsonLd     script-safe JSON-LD documents (NewsArticle, BreadcrumbList)
 */
public record SharePage(List<MetaTag> meta, List<String> jsonLd) {

    /** One {@code <meta>}: {@code property} for OpenGraph, {@code name} for Twitter. */
    public record MetaTag(boolean property, String key, String content) {
    }
}
