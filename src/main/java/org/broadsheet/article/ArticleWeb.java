package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

/** The public routes of the articles feature. The catch-all section/article route must be registered last. */
public final class ArticleWeb {

    private final PublicPages pages;
    private final PageCache cache;

    public ArticleWeb(ArticleService articles, SiteChrome chrome, Templates templates, Rankings rankings,
                      RelatedArticles related, ArticleAddon addon, PageCache cache) {
        this.pages = new PublicPages(articles, chrome, templates, rankings, related, addon);
        this.cache = cache;
        articles.addListener(new PageInvalidation(cache, articles));
    }

    public void routes(RoutesConfig routes) {
        routes.get("/", cache.cached(pages::home), Role.ANYONE);
        routes.get("/tag/{slug}", cache.cached(pages::tag), Role.ANYONE);
        routes.get("/author/{slug}", cache.cached(pages::author), Role.ANYONE);
    }

    /** Sections and articles live at the root of the address space; register after every other route. */
    public void catchAllRoutes(RoutesConfig routes) {
        routes.get("/<path>", cache.cached(pages::sectionOrArticle), Role.ANYONE);
    }
}
