package org.broadsheet;

import io.javalin.Javalin;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.ArticleWeb;
import org.broadsheet.article.Rankings;
import org.broadsheet.article.RelatedArticles;
import org.broadsheet.article.SectionDirectory;
import org.broadsheet.comment.CommentFeature;
import org.broadsheet.config.Settings;
import org.broadsheet.demo.WikinewsDemo;
import org.broadsheet.media.MediaFiles;
import org.broadsheet.storage.Database;
import org.broadsheet.web.AccessCheck;
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
import java.util.stream.Stream;

/**
 * The composition root: settings → database → services → routes → server. Everything Broadsheet runs
 * is created here and nowhere else; {@link #close()} stops it in reverse order.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final Javalin server;
    private final ArticleService articles;
    private final CommentFeature comments;

    private App(Database database, Javalin server, ArticleService articles, CommentFeature comments) {
        this.database = database;
        this.server = server;
        this.articles = articles;
        this.comments = comments;
    }

    /** Builds and starts everything; the returned app is serving. */
    public static App start(Settings settings, Clock clock) {
        return start(settings, clock, Wiring.fromEnvironment(System.getenv()));
    }

    /** As {@link #start(Settings, Clock)}, with the chosen authenticator and comment settings (tests). */
    public static App start(Settings settings, Clock clock, Wiring wiring) {
        DataFolder.prepare(settings.dataDir());
        Database database = Database.open(settings.jdbcUrl());
        CommentFeature comments = null;
        try {
            ZoneId zone = ZoneOffset.UTC;
            SectionDirectory sections = ArticleService.sectionDirectory(database.jdbi());
            ArticleService articles = new ArticleService(database.jdbi(), sections, new ArticleUrls(zone), clock);
            if (settings.loadDemo() && articles.isEmpty()) {
                new WikinewsDemo(articles).load();
            }
            StaticAssets assets = new StaticAssets(Stream.concat(Stream.of("site.css"), CommentFeature.ASSETS.stream()).toList());
            SiteChrome chrome = new SiteChrome(settings.siteName(), settings.baseUrl(),
                    () -> sections.topLevel().stream().map(s -> new NavLink(s.name(), s.url())).toList(), assets, clock, zone);
            Templates templates = new Templates();
            MediaFiles media = new MediaFiles(settings.mediaDir());
            comments = new CommentFeature(database, articles, wiring.comments(), chrome, templates, assets, clock, null).start();
            ArticleWeb articleWeb = new ArticleWeb(articles, chrome, templates, Rankings.NONE, RelatedArticles.NONE,
                    comments.addon(), comments.service()::approvedCounts);
            AccessCheck access = new AccessCheck(wiring.authenticator(), "/newsroom/sign-in");
            ErrorPages errors = new ErrorPages(chrome, templates);

            CommentFeature commentRoutes = comments;
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
                commentRoutes.routes(cfg.routes);
                articleWeb.catchAllRoutes(cfg.routes);
            });
            server.start();
            log.info("Broadsheet is serving on http://localhost:{}/ ({} database, data in {})",
                    server.port(), database.dialect().name().toLowerCase(), settings.dataDir().toAbsolutePath());
            return new App(database, server, articles, comments);
        } catch (RuntimeException e) {
            if (comments != null) {
                comments.close();
            }
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

    public CommentFeature comments() {
        return comments;
    }

    @Override
    public void close() {
        server.stop();
        comments.close();
        database.close();
    }
}
