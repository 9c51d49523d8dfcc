package org.broadsheet.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import org.broadsheet.web.Role;

import java.util.Optional;

/**
 * Feed routes. Every page that lists articles has its feeds below its own address:
 * {@code /feed.xml} and {@code /atom.xml} for the site, {@code /news/feed.xml}, {@code /news/science/atom.xml},
 * {@code /tag/{slug}/feed.xml}, {@code /author/{slug}/atom.xml}. Slugs never contain a dot, so no section,
 * tag or article can be named like a feed. Register before the section/article catch-all.
 */
public final class FeedWeb {

    /** Aggregators poll often; five minutes keeps a CDN in front useful while news stays fresh. */
    private static final int MAX_AGE_SECONDS = 300;

    private final FeedService feeds;
    private final ConditionalGet conditional = new ConditionalGet(MAX_AGE_SECONDS);

    public FeedWeb(FeedService feeds) {
        this.feeds = feeds;
    }

    public void routes(RoutesConfig routes) {
        for (FeedFormat format : FeedFormat.values()) {
            String file = format.fileName();
            get(routes, "/" + file, ctx -> send(ctx, Optional.of(feeds.site()), format));
            get(routes, "/tag/{slug}/" + file, ctx -> send(ctx, feeds.tag(ctx.pathParam("slug")), format));
            get(routes, "/author/{slug}/" + file, ctx -> send(ctx, feeds.author(ctx.pathParam("slug")), format));
            get(routes, "/{section}/" + file, ctx -> send(ctx, feeds.section(ctx.pathParam("section")), format));
            get(routes, "/{section}/{sub}/" + file,
                    ctx -> send(ctx, feeds.section(ctx.pathParam("section") + "/" + ctx.pathParam("sub")), format));
        }
    }

    /** Feed readers and crawlers also ask with HEAD: {@code HeadRequests} answers it for every GET route. */
    static void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler, Role.ANYONE);
    }

    private void send(Context ctx, Optional<FeedScope> scope, FeedFormat format) {
        FeedScope s = scope.orElseThrow(() -> new NotFoundResponse("There is no feed at this address."));
        conditional.send(ctx, feeds.render(s, format));
    }
}
