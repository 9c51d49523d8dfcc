package org.broadsheet.article;

/**
 * Something happened to an article that derived data (search index, related posts, rankings, page
 * caches, feeds) may have to follow.
 *
 * @param sectionIds the sections the article was in before and after the change (a move touches both)
 */
public record ArticleChange(long articleId, Kind kind, java.util.Set<Long> sectionIds) {

    public enum Kind {
        /** Became visible to readers (published, or an embargo ended). */
        PUBLISHED,
        /** A visible article was edited. */
        UPDATED,
        /** Stopped being visible (unpublished or deleted). */
        WITHDRAWN,
        /** A change that readers cannot see yet (draft, review, schedule). */
        BACKSTAGE
    }
}
