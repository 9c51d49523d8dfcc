package org.broadsheet.search;

import org.broadsheet.article.Section;

import java.time.LocalDate;

/**
 * A reader's search, as the search page asks for it.
 *
 * @param section only this section and its subsections, or null for everywhere
 * @param from    first publication day, inclusive, or null
 * @param to      last publication day, inclusive, or null
 * @param page    1-based page number
 */
public record SearchRequest(String text, Section section, LocalDate from, LocalDate to, SearchQuery.Order order, int page) {

    public SearchRequest {
        text = text == null ? "" : text;
        order = order == null ? SearchQuery.Order.RELEVANCE : order;
        page = Math.max(1, page);
    }

    /**
     * Text as it is searched and shown back: unpaired surrogates and control characters removed, spaces
     * collapsed, and capped in length and words.
     */
    public static String clean(String raw) {
        return QueryText.clean(raw);
    }
}
