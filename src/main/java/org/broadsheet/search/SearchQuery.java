package org.broadsheet.search;

import java.time.Instant;
import java.util.List;

/**
 * One search as the index runs it. The text is whatever a reader typed; the index sanitises it.
 *
 * @param sectionIds only articles in these sections (empty: everywhere)
 * @param from       earliest publication time, inclusive, or null
 * @param until      latest publication time, exclusive, or null; never later than {@code now}
 * @param now        the present: articles published after it are embargoed and never found
 * @param offset     hits to skip (pagination)
 * @param limit      hits to return
 */
public record SearchQuery(String text, List<Long> sectionIds, Instant from, Instant until, Order order,
                          Instant now, int offset, int limit) {

    public SearchQuery {
        text = text == null ? "" : text;
        sectionIds = List.copyOf(sectionIds);
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
    }

    public SearchQuery withText(String other) {
        return new SearchQuery(other, sectionIds, from, until, order, now, offset, limit);
    }

    /** How hits are ordered. */
    public enum Order {
        RELEVANCE, NEWEST
    }
}
