package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

/** The public routes of the articles feature. The catch-all section/article route must be registered last. */
public final class ArticleWeb {

    private final PublicPages pages;

    public ArticleWeb(ArticleService articles, SiteChrome chrome, Templates templates) {
        this.pages = new PublicPages(articles, chrome, templates);
    }

    public void routes(RoutesConfig routes) {
        routes.get("/", pages::home);
        routes.get("/tag/{slug}", pages::tag);
        routes.get("/author/{slug}", pages::author);
    }

    /** Sections and articles live at the root of the address space; register after every other route. */
    public void catchAllRoutes(RoutesConfig routes) {
        routes.get("/<path>", pages::sectionOrArticle);
    }
}
