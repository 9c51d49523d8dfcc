package org.broadsheet.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes for search engines: {@code /robots.txt}, the sitemap index {@code /sitemap.xml}, its parts under
 * {@code /sitemaps/} and the Google News sitemap {@code /news-sitemap.xml}.
 */
public final class SitemapWeb {

    private static final Pattern PAGE = Pattern.compile("(articles|tags|authors)-([1-9]\\d{0,6})\\.xml");
    private static final int MAX_AGE_SECONDS = 300;

    private final SitemapService sitemaps;
    private final ConditionalGet conditional = new ConditionalGet(MAX_AGE_SECONDS);
    private final XmlDocument robots;

    public SitemapWeb(SitemapService sitemaps, String baseUrl) {
        this.sitemaps = sitemaps;
        this.robots = XmlDocument.of(String.join("\n",
                "User-agent: *",
                "Disallow: /newsroom/",
                "Disallow: /search?",
                "",
                "Sitemap: " + baseUrl + "/sitemap.xml",
                "Sitemap: " + baseUrl + "/news-sitemap.xml",
                ""), "text/plain; charset=utf-8", null);
    }

    public void routes(RoutesConfig routes) {
        FeedWeb.get(routes, "/robots.txt", ctx -> conditional.send(ctx, robots));
        FeedWeb.get(routes, "/sitemap.xml", ctx -> conditional.send(ctx, sitemaps.index()));
        FeedWeb.get(routes, "/news-sitemap.xml", ctx -> conditional.send(ctx, sitemaps.news()));
        FeedWeb.get(routes, "/sitemaps/{file}", this::part);
    }

    private void part(Context ctx) {
        String file = ctx.pathParam("file");
        if ("pages.xml".equals(file)) {
            conditional.send(ctx, sitemaps.pages());
            return;
        }
        Matcher m = PAGE.matcher(file);
        if (!m.matches()) {
            throw new NotFoundResponse("There is no sitemap at this address.");
        }
        SitemapService.Kind kind = SitemapService.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        conditional.send(ctx, sitemaps.page(kind, Integer.parseInt(m.group(2)))
                .orElseThrow(() -> new NotFoundResponse("There is no sitemap at this address.")));
    }
}
