package org.broadsheet.search;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.web.Paged;

/**
 * What a search found.
 *
 * @param results     the page of matches (of the corrected query when {@code correctedTo} is set)
 * @param correctedTo when the query as typed matched nothing and a spelling correction did, the correction
 * @param available   false while the index is being rebuilt and cannot answer yet
 * @param totalIsAtLeast the total is a lower bound: more articles match than were counted
 */
public record SearchOutcome(Paged<Found> results, String correctedTo, boolean available, boolean totalIsAtLeast) {

    public SearchOutcome(Paged<Found> results, String correctedTo, boolean available) {
        this(results, correctedTo, available, false);
    }

    /**
     * One match.
     *
     * @param snippetHtml escaped text with {@code <mark>} around the matched words; safe to output unescaped
     */
    public record Found(ArticleSummary article, String snippetHtml) {
    }
}
