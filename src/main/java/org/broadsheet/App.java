package org.broadsheet;

import io.javalin.Javalin;
import org.broadsheet.article.ArticleAddon;
import org.broadsheet.article.ArticleCatalog;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.ArticleWeb;
import org.broadsheet.article.Rankings;
import org.broadsheet.article.RelatedArticles;
import org.broadsheet.article.SectionDirectory;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.WikinewsDemo;
import org.broadsheet.feed.FeedLinks;
import org.broadsheet.feed.FeedService;
import org.broadsheet.feed.FeedWeb;
import org.broadsheet.feed.ShareTags;
import org.broadsheet.feed.StructuredData;
import org.broadsheet.feed.SitemapService;
import org.broadsheet.feed.SitemapWeb;
import org.broadsheet.media.MediaFiles;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.storage.Database;
import org.broadsheet.web.AccessCheck;
import org.broadsheet.web.Authenticator;
import org.broadsheet.web.ErrorPages;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.StaticAssets;
import org.broadsheet.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The composition root: settings → database → services → routes → server. Everything Broadsheet runs
 * is created here and nowhere else; {@link #close()} stops it in reverse order.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final Javalin server;
    private final ArticleService articles;

    private App(Database database, Javalin server, ArticleService articles) {
        this.database = database;
        this.server = server;
        this.articles = articles;
    }

    /** Builds and starts everything; the returned app is serving. */
    public static App start(Settings settings, Clock clock) {
        DataFolder.prepare(settings.dataDir());
        Database database = Database.open(settings.jdbcUrl());
        try {
            ZoneId zone = ZoneOffset.UTC;
            SectionDirectory sections = ArticleService.sectionDirectory(database.jdbi());
            ArticleService articles = new ArticleService(database.jdbi(), sections, new ArticleUrls(zone), clock);
            if (settings.loadDemo() && articles.isEmpty()) {
                new WikinewsDemo(articles).load();
            }
            StaticAssets assets = new StaticAssets(List.of("site.css"));
            SiteChrome chrome = new SiteChrome(settings.siteName(), settings.baseUrl(),
                    () -> sections.topLevel().stream().map(s -> new NavLink(s.name(), s.url())).toList(), assets, clock, zone,
                    new FeedLinks(articles, settings.siteName())::forPath);
            Templates templates = new Templates();
            MediaFiles media = new MediaFiles(settings.mediaDir());
            ShareTags shareTags = new ShareTags(articles, templates,
                    new StructuredData(settings.siteName(), settings.baseUrl(), null), settings.siteName(), settings.baseUrl());
            ArticleWeb articleWeb = new ArticleWeb(articles, chrome, templates, Rankings.NONE, RelatedArticles.NONE,
                    ArticleAddon.NONE, shareTags);
            FeedService feeds = new FeedService(articles, new MediaLibrary(database.jdbi(), settings.mediaDir(), clock),
                    database.jdbi(), settings.siteName(), settings.baseUrl(), clock);
            articles.addListener(feeds);
            FeedWeb feedWeb = new FeedWeb(feeds);
            SitemapService sitemaps = new SitemapService(new ArticleCatalog(database.jdbi(), sections, articles.urls(), clock),
                    settings.siteName(), settings.baseUrl(), clock, SitemapService.MAX_URLS);
            articles.addListener(sitemaps);
            SitemapWeb sitemapWeb = new SitemapWeb(sitemaps, settings.baseUrl());
            AccessCheck access = new AccessCheck(Authenticator.NOBODY, "/newsroom/sign-in");
            ErrorPages errors = new ErrorPages(chrome, templates);

            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jetty.port = settings.port();
                cfg.http.generateEtags = true;
                errors.register(cfg.routes);
                cfg.routes.beforeMatched(access::handle);
                cfg.routes.get("/healthz", ctx -> ctx.header("Cache-Control", "no-store").result("ok"), Role.ANYONE);
                cfg.routes.get("/assets/{file}", assets::serve, Role.ANYONE);
                cfg.routes.get("/media/{file}", media::serve, Role.ANYONE);
                articleWeb.routes(cfg.routes);
                feedWeb.routes(cfg.routes);
                sitemapWeb.routes(cfg.routes);
                articleWeb.catchAllRoutes(cfg.routes);
            });
            server.start();
            log.info("Broadsheet is serving on http://localhost:{}/ ({} database, data in {})",
                    server.port(), database.dialect().name().toLowerCase(), settings.dataDir().toAbsolutePath());
            return new App(database, server, articles);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    public ArticleService articles() {
        return articles;
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
