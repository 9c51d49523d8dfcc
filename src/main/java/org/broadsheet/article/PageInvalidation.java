package org.broadsheet.article;

import org.broadsheet.web.PageCache;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps cached public pages true to the store: when an article changes, drops its own page, the home
 * page, and the section, tag and author lists it appears in, and nothing else.
 */
final class PageInvalidation implements ArticleListener {

    private final PageCache cache;
    private final ArticleService articles;

    PageInvalidation(PageCache cache, ArticleService articles) {
        this.cache = cache;
        this.articles = articles;
    }

    static final String ARTICLE_PREFIX = "article:";

    /** The cache key a page showing this article as its subject declares. */
    static String articleKey(long id) {
        return ARTICLE_PREFIX + id;
    }

    static String sectionKey(long id) {
        return "section:" + id;
    }

    @Override
    public void onChange(ArticleChange change) {
        if (change.kind() == ArticleChange.Kind.BACKSTAGE) {
            return; // readers cannot see it, so no public page changed
        }
        Set<String> keys = new HashSet<>();
        keys.add(articleKey(change.articleId()));
        keys.add("home");
        for (Long sectionId : change.sectionIds()) {
            keys.add(sectionKey(sectionId));
            articles.sections().parent(articles.sections().byId(sectionId)).ifPresent(p -> keys.add(sectionKey(p.id())));
        }
        articles.findById(change.articleId()).ifPresent(a -> {
            keys.add(sectionKey(a.section().id()));
            articles.sections().parent(a.section()).ifPresent(p -> keys.add(sectionKey(p.id())));
            a.tags().forEach(t -> keys.add("tag:" + t.id()));
            a.bylines().forEach(b -> keys.add("author:" + b.id()));
        });
        cache.invalidate(keys);
    }
}
