package org.broadsheet.ranking.web;

import gg.jte.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.broadsheet.article.Article;
import org.broadsheet.article.ViewRecorder;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.RankingSettings.ViewCounting;
import org.broadsheet.ranking.ReadCounter;
import org.broadsheet.ranking.ViewOutcome;
import org.broadsheet.web.ClientAddress;
import org.broadsheet.web.Role;
import org.broadsheet.web.RequestFacts;
import org.broadsheet.web.StaticAssets;
import org.broadsheet.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The HTTP side of view counting, kept out of the ranking package so ranking never sees a Context.
 * In server mode it counts article pages as they are rendered (GET only: HEAD and prefetches are not
 * reads); in beacon mode the article page carries a small script that reports the read with
 * {@code navigator.sendBeacon} to {@code POST /views/{articleId}}, which always answers 204 to a
 * well-formed report, counted or not, so it tells an abuser nothing. Thread-safe.
 */
public final class ViewTracking implements ViewRecorder {

    private static final Logger log = LoggerFactory.getLogger(ViewTracking.class);
    private static final String BEACON_PATH = "/views/";

    private final ReadCounter reads;
    private final RankingSettings settings;
    private final String scriptUrl;
    private final Templates templates;

    public ViewTracking(ReadCounter reads, RankingSettings settings, StaticAssets assets, Templates templates) {
        this.reads = reads;
        this.settings = settings;
        this.scriptUrl = assets.url("views.js");
        this.templates = templates;
    }

    /** Registers the beacon endpoint, in beacon mode only (otherwise reports would count twice). */
    public void routes(RoutesConfig routes) {
        if (settings.counting() == ViewCounting.BEACON) {
            routes.post(BEACON_PATH + "{articleId}", this::beacon, Role.ANYONE);
        }
    }

    @Override
    public void pageRendered(RequestFacts request, long articleId) {
        if (settings.counting() != ViewCounting.SERVER || !"GET".equals(request.method())) {
            return;
        }
        reads.pageRead(articleId, ClientAddress.of(request, settings.proxyHops()), request.header("User-Agent"),
                isPrefetch(request));
    }

    @Override
    public Content pageMarkup(Article article) {
        if (settings.counting() != ViewCounting.BEACON) {
            return ViewRecorder.EMPTY;
        }
        return templates.part("ranking/viewBeacon.jte", new ViewBeaconTag(scriptUrl, BEACON_PATH + article.id()));
    }

    void beacon(Context ctx) {
        long articleId = ctx.pathParamAsClass("articleId", Long.class)
                .check(id -> id > 0, "must be a positive whole number")
                .getOrThrow(errors -> new BadRequestResponse("The article id must be a positive whole number."));
        ctx.header("Cache-Control", "no-store");
        ctx.status(204);
        if (!fromOurOwnPage(ctx)) {
            return;
        }
        try {
            ViewOutcome outcome = reads.beacon(articleId, ctx.ip(), ctx.userAgent());
            log.trace("beacon for article {}: {}", articleId, outcome);
        } catch (RuntimeException e) {
            // A lost count is better than an error the reader's browser cannot do anything about.
            log.warn("could not count a beacon for article {}", articleId, e);
        }
    }

    /** Browsers label cross-site requests; another site must not be able to make its visitors count for us. */
    private static boolean fromOurOwnPage(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** Prefetches and prerenders announce themselves; the reader may never see the page. */
    static boolean isPrefetch(Context ctx) {
        return isPrefetch(RequestFacts.of(ctx));
    }

    static boolean isPrefetch(RequestFacts request) {
        return mentionsPrefetch(request.header("Sec-Purpose")) || mentionsPrefetch(request.header("Purpose"))
                || mentionsPrefetch(request.header("X-Purpose")) || mentionsPrefetch(request.header("X-Moz"));
    }

    private static boolean mentionsPrefetch(String value) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.contains("prefetch") || v.contains("preview");
    }
}
