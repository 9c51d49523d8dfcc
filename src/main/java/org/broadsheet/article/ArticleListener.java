package org.broadsheet.article;

/**
 * Told about every article change after it is committed. Called on the thread that made the change;
 * an implementation that does slow work hands it to its own background thread. Must not throw.
 */
@FunctionalInterface
public interface ArticleListener {

    void onChange(ArticleChange change);
}
