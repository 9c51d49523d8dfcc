package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.RequestFacts;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

/** The public routes of the articles feature. The catch-all section/article route must be registered last. */
public final class ArticleWeb {

    private final PublicPages pages;
    private final PageCache cache;
    private final ViewRecorder views;
    private final PageInvalidation invalidation;

    public ArticleWeb(ArticleService articles, SiteChrome chrome, Templates templates, Rankings rankings,
                      RelatedArticles related, ArticleAddon addon, ArticleHead head, ViewRecorder views, CommentCounts commentCounts,
                      PageCache cache) {
        this.pages = new PublicPages(articles, chrome, templates, rankings, related, addon, head, views, commentCounts);
        this.cache = cache;
        this.views = views;
        this.invalidation = new PageInvalidation(cache, articles);
        articles.addListener(invalidation);
    }

    /**
     * What readers see of an article's comments changed: drops its cached page and the lists that show
     * its comment count.
     */
    public void commentsChanged(long articleId) {
        invalidation.onChange(new ArticleChange(articleId, ArticleChange.Kind.UPDATED, java.util.Set.of()));
    }

    /** Something only the article's own page shows changed (its related posts): drops that page alone. */
    public void articlePageChanged(long articleId) {
        cache.invalidate(PageInvalidation.articleKey(articleId));
    }

    public void routes(RoutesConfig routes) {
        routes.get("/", cache.cached(pages::home), Role.ANYONE);
        routes.get("/tag/{slug}", cache.cached(pages::tag), Role.ANYONE);
        routes.get("/author/{slug}", cache.cached(pages::author), Role.ANYONE);
    }

    /**
     * Counts a read of an article page whether it was rendered now or served from the page cache, so
     * that caching never hides readers.
     */
    private void countRead(Context ctx) {
        if (ctx.statusCode() == 200) {
            countRead(RequestFacts.of(ctx), PageCache.dependencies(ctx));
        }
    }

    /** Counts a read for a page that shows these keys; the page cache's fast path calls it for its hits. */
    public void countRead(RequestFacts request, java.util.Set<String> keys) {
        for (String key : keys) {
            if (key.startsWith(PageInvalidation.ARTICLE_PREFIX)) {
                views.pageRendered(request, Long.parseLong(key.substring(PageInvalidation.ARTICLE_PREFIX.length())));
            }
        }
    }

    /** Sections and articles live at the root of the address space; register after every other route. */
    public void catchAllRoutes(RoutesConfig routes) {
        Handler sectionOrArticle = cache.cached(pages::sectionOrArticle);
        routes.get("/<path>", ctx -> {
            sectionOrArticle.handle(ctx);
            countRead(ctx);
        }, Role.ANYONE);
    }
}
