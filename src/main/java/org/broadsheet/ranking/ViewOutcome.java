package org.broadsheet.ranking;

/** What became of a read that was offered for counting. */
public enum ViewOutcome {
    COUNTED,
    /** The same visitor was counted for this article within the last 30 minutes. */
    REPEAT,
    /** A crawler or other robot. */
    ROBOT,
    /** The browser fetched the page ahead of time; the reader may never see it. */
    PREFETCH,
    /** No article readers can see has this id. */
    NOT_PUBLISHED,
    /** This visitor (or address) sent more reports than a reader can. */
    RATE_LIMITED
}
