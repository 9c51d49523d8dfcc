package org.broadsheet;

import io.javalin.Javalin;
import org.broadsheet.article.ArticleAddon;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.ArticleWeb;
import org.broadsheet.article.Rankings;
import org.broadsheet.article.SectionDirectory;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.WikinewsDemo;
import org.broadsheet.media.MediaFiles;
import org.broadsheet.search.LuceneSearchIndex;
import org.broadsheet.search.RebuildProgress;
import org.broadsheet.search.RelatedPosts;
import org.broadsheet.search.RelatedStore;
import org.broadsheet.search.SearchService;
import org.broadsheet.search.web.SearchWeb;
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
import java.time.Duration;
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
    private final SearchService search;

    private App(Database database, Javalin server, ArticleService articles, SearchService search) {
        this.database = database;
        this.server = server;
        this.articles = articles;
        this.search = search;
    }

    /** Builds and starts everything; the returned app is serving. */
    public static App start(Settings settings, Clock clock) {
        DataFolder.prepare(settings.dataDir());
        Database database = Database.open(settings.jdbcUrl());
        SearchService search = null;
        try {
            ZoneId zone = ZoneOffset.UTC;
            SectionDirectory sections = ArticleService.sectionDirectory(database.jdbi());
            ArticleService articles = new ArticleService(database.jdbi(), sections, new ArticleUrls(zone), clock);
            if (settings.loadDemo() && articles.isEmpty()) {
                new WikinewsDemo(articles).load();
            }
            StaticAssets assets = new StaticAssets(List.of("site.css"));
            SiteChrome chrome = new SiteChrome(settings.siteName(), settings.baseUrl(),
                    () -> sections.topLevel().stream().map(s -> new NavLink(s.name(), s.url())).toList(), assets, clock, zone);
            Templates templates = new Templates();
            MediaFiles media = new MediaFiles(settings.mediaDir());
            LuceneSearchIndex index = LuceneSearchIndex.open(settings.indexDir());
            RelatedPosts related = new RelatedPosts(articles, index, new RelatedStore(database.jdbi()), clock,
                    RelatedPosts.DEFAULT_COUNT, Duration.ofDays(1));
            search = new SearchService(articles, index, related, clock);
            articles.addListener(search::onChange);
            search.start();
            SearchWeb searchWeb = new SearchWeb(search, sections, chrome, templates);
            ArticleWeb articleWeb = new ArticleWeb(articles, chrome, templates, Rankings.NONE, related,
                    ArticleAddon.NONE);
            AccessCheck access = new AccessCheck(Authenticator.NOBODY, "/newsroom/sign-in");
            ErrorPages errors = new ErrorPages(chrome, templates);

            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jetty.port = settings.port();
                cfg.http.generateEtags = true;
                // a search of 10,000 characters (up to ~90 KB percent-encoded) must reach the search page, not a bare 414
                cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));
                errors.register(cfg.routes);
                cfg.routes.beforeMatched(access::handle);
                cfg.routes.get("/healthz", ctx -> ctx.header("Cache-Control", "no-store").result("ok"), Role.ANYONE);
                cfg.routes.get("/assets/{file}", assets::serve, Role.ANYONE);
                cfg.routes.get("/media/{file}", media::serve, Role.ANYONE);
                articleWeb.routes(cfg.routes);
                searchWeb.routes(cfg.routes);
                articleWeb.catchAllRoutes(cfg.routes);
            });
            server.start();
            log.info("Broadsheet is serving on http://localhost:{}/ ({} database, data in {})",
                    server.port(), database.dialect().name().toLowerCase(), settings.dataDir().toAbsolutePath());
            return new App(database, server, articles, search);
        } catch (RuntimeException e) {
            if (search != null) {
                search.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * Rebuilds the search index from the database (the {@code reindex} command); the server must not be
     * running on the same data folder.
     *
     * @return how many articles were indexed
     */
    public static int reindex(Settings settings, Clock clock, RebuildProgress progress) {
        Database database = Database.open(settings.jdbcUrl());
        try (LuceneSearchIndex index = LuceneSearchIndex.open(settings.indexDir())) {
            ArticleService articles = new ArticleService(database.jdbi(), ArticleService.sectionDirectory(database.jdbi()),
                    new ArticleUrls(ZoneOffset.UTC), clock);
            RelatedPosts related = new RelatedPosts(articles, index, new RelatedStore(database.jdbi()), clock,
                    RelatedPosts.DEFAULT_COUNT, Duration.ofDays(1));
            return new SearchService(articles, index, related, clock).rebuildNow(progress);
        } finally {
            database.close();
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

    public SearchService search() {
        return search;
    }

    @Override
    public void close() {
        server.stop();
        search.close();
        database.close();
    }
}
