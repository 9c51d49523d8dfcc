package org.broadsheet.comment;

/**
 * Told, after the commit, that what readers see of an article's comments changed (a comment was approved,
 * edited, hidden, or posted straight to the page). A page cache evicts the article's page and lists here.
 * Called on the thread that made the change; must be quick and must not throw.
 */
@FunctionalInterface
public interface CommentVisibilityListener {

    void visibilityChanged(long articleId);
}
