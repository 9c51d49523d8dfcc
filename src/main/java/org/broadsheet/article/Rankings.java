package org.broadsheet.article;

import java.util.List;

/**
 * The reader-discovery lists the article pages show, served from memory. Implemented by the ranking
 * feature; {@link #NONE} until it is wired. Thread-safe; never computes on the request path.
 */
public interface Rankings {

    /** Most read over the last week. */
    List<ArticleSummary> topThisWeek();

    /** Most read over the longer window (30 days by default). */
    List<ArticleSummary> popular();

    /** Rising fast now against their own earlier rate. */
    List<ArticleSummary> trending();

    Rankings NONE = new Rankings() {
        @Override
        public List<ArticleSummary> topThisWeek() {
            return List.of();
        }

        @Override
        public List<ArticleSummary> popular() {
            return List.of();
        }

        @Override
        public List<ArticleSummary> trending() {
            return List.of();
        }
    };
}
