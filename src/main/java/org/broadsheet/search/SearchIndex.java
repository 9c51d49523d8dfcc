package org.broadsheet.search;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * The full-text index of published articles: the one seam between Broadsheet and Lucene. Derived data,
 * rebuildable from the database at any time. Writes are serialised by the caller (one writer thread);
 * reads may come from any number of threads at once.
 */
public interface SearchIndex extends AutoCloseable {

    /** Adds the article or replaces its previous entry; visible to searches when the call returns. */
    void upsert(IndexedArticle article);

    /** Removes the article; a no-op when it is not there. */
    void delete(long articleId);

    /**
     * Replaces the whole index with {@code articles}. Searches keep seeing the old contents until the new
     * ones are complete. {@code progress} is told after every article.
     */
    void replaceAll(Iterator<IndexedArticle> articles, int total, RebuildProgress progress);

    /** Runs a search; never throws for anything a reader can type. */
    SearchResults search(SearchQuery query);

    /**
     * The articles most similar in content to {@code articleId}, best first, published no later than
     * {@code now}; never the article itself. Empty when the article is not indexed.
     */
    List<Long> similar(long articleId, int count, Instant now);

    /** How many articles are indexed. */
    int size();

    @Override
    void close();
}
