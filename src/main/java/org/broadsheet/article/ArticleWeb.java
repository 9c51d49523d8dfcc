package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

/** The public routes of the articles feature. The catch-all section/article route must be registered last. */
public final class ArticleWeb {

    private final PublicPages pages;

    public ArticleWeb(ArticleService articles, SiteChrome chrome, Templates templates, Rankings rankings,
                      RelatedArticles related, ArticleAddon addon, ArticleHead head) {
        this.pages = new PublicPages(articles, chrome, templates, rankings, related, addon, head);
    }

    public void routes(RoutesConfig routes) {
        routes.get("/", pages::home, Role.ANYONE);
        routes.get("/tag/{slug}", pages::tag, Role.ANYONE);
        routes.get("/author/{slug}", pages::author, Role.ANYONE);
    }

    /** Sections and articles live at the root of the address space; register after every other route. */
    public void catchAllRoutes(RoutesConfig routes) {
        routes.get("/<path>", pages::sectionOrArticle, Role.ANYONE);
    }
}
