package org.broadsheet.search;

import java.util.List;

/**
 * One page of hits from the index.
 *
 * @param total        how many articles match in all, or at least (see {@code totalIsAtLeast})
 * @param suggestion   a spelling-corrected query worth trying when nothing matched, or null
 * @param totalIsAtLeast true when more articles match than were counted: counting every match of a common
 *                     word in a large archive costs more than the search itself, and no reader pages that far
 */
public record SearchResults(List<Hit> hits, int total, String suggestion, boolean totalIsAtLeast) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public SearchResults(List<Hit> hits, int total, String suggestion) {
        this(hits, total, suggestion, false);
    }

    public static SearchResults empty() {
        return new SearchResults(List.of(), 0, null);
    }

    /**
     * One matching article.
     *
     * @param snippetHtml a passage of its text with the matched words in {@code <mark>}; everything else is
     *                    HTML-escaped, so it is safe to output as is. Empty when no passage matched.
     */
    public record Hit(long articleId, String snippetHtml) {
    }
}
