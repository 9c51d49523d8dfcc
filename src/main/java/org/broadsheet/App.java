package org.broadsheet;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.broadsheet.article.ArticleCatalog;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.ArticleWeb;
import org.broadsheet.article.SectionDirectory;
import org.broadsheet.comment.CommentFeature;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.comment.StaffRequestCheck;
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
import org.broadsheet.ranking.Ranking;
import org.broadsheet.ranking.web.ViewTracking;
import org.broadsheet.newsroom.Newsroom;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.search.LuceneSearchIndex;
import org.broadsheet.search.RebuildProgress;
import org.broadsheet.search.RelatedPosts;
import org.broadsheet.search.RelatedStore;
import org.broadsheet.search.ResultCache;
import org.broadsheet.search.SearchService;
import org.broadsheet.search.web.SearchWeb;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.OutOfSpaceLog;
import org.broadsheet.web.AccessCheck;
import org.broadsheet.web.BodyBuffering;
import org.broadsheet.web.BodyLimits;
import org.broadsheet.web.CachedPageFastPath;
import org.broadsheet.web.ClientAddress;
import org.broadsheet.web.Csrf;
import org.broadsheet.web.ErrorPages;
import org.broadsheet.web.FormLimits;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.HeadRequests;
import org.broadsheet.web.InFlightRequests;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.Observability;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.RequestFacts;
import org.broadsheet.web.Role;
import org.broadsheet.web.SecurityHeaders;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The composition root: settings → database → services → routes → server. Everything Broadsheet runs
 * is created here and nowhere else; {@link #close()} stops it in reverse order.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** How long a stop waits for the requests in flight (comment posts waiting for their commit among them). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Database database;
    private final Javalin server;
    private final ArticleService articles;
    private final Ranking ranking;
    private final Newsroom newsroom;
    private final CommentFeature comments;
    private final SearchService search;

    private App(Database database, Javalin server, ArticleService articles, Ranking ranking, Newsroom newsroom,
                CommentFeature comments, SearchService search) {
        this.database = database;
        this.server = server;
        this.articles = articles;
        this.ranking = ranking;
        this.newsroom = newsroom;
        this.comments = comments;
        this.search = search;
    }

    /** Builds and starts everything; the returned app is serving. */
    public static App start(Settings settings, Clock clock) {
        return start(settings, clock, CommentSettings.fromEnvironment(System.getenv()));
    }

    /** As {@link #start(Settings, Clock)}, with these comment rules instead of the {@code BROADSHEET_COMMENTS_*} variables (tests). */
    public static App start(Settings settings, Clock clock, CommentSettings commentSettings) {
        return start(settings, clock, commentSettings, RelatedPosts.SMALL_ARCHIVE, BodyLimits.DEFAULTS);
    }

    /**
     * As {@link #start(Settings, Clock, CommentSettings)}; an archive of at most {@code relatedAtStart} articles has
     * every related list computed before the site is ready (tests of a bigger archive's lazy path pass a small bound).
     */
    public static App start(Settings settings, Clock clock, CommentSettings commentSettings, int relatedAtStart) {
        return start(settings, clock, commentSettings, relatedAtStart, BodyLimits.DEFAULTS);
    }

    /** As {@link #start(Settings, Clock, CommentSettings)}, with these limits on arriving request bodies (tests). */
    public static App start(Settings settings, Clock clock, CommentSettings commentSettings, BodyLimits bodyLimits) {
        return start(settings, clock, commentSettings, RelatedPosts.SMALL_ARCHIVE, bodyLimits);
    }

    private static App start(Settings settings, Clock clock, CommentSettings commentSettings, int relatedAtStart,
                             BodyLimits bodyLimits) {
        DataFolder.prepare(settings.dataDir());
        // Independent parts of the start run beside each other: on two cores this saves about a second.
        CompletableFuture<LuceneSearchIndex> indexOpening = inBackground("index-open",
                () -> LuceneSearchIndex.open(settings.indexDir()));
        Observability observability = new Observability(500, false, settings.ranking().proxyHops());
        // A full disk refuses every write with 503, and is logged once a minute whatever ran into it.
        OutOfSpaceLog spaceLog = new OutOfSpaceLog(clock);
        FullDisk fullDisk = new FullDisk(spaceLog);
        Database database;
        try {
            database = Database.open(settings.jdbcUrl(), observability.registry());
        } catch (RuntimeException e) {
            indexOpening.thenAccept(LuceneSearchIndex::close);
            throw e;
        }
        CommentFeature comments = null;
        SearchService search = null;
        CompletableFuture<Ranking> rankingLoad = null;
        try {
            ZoneId zone = ZoneOffset.UTC;
            SectionDirectory sections = ArticleService.sectionDirectory(database.jdbi());
            ArticleService articles = new ArticleService(database.jdbi(), sections, new ArticleUrls(zone), clock);
            if (settings.loadDemo() && articles.isEmpty()) {
                new WikinewsDemo(articles).load();
            }
            rankingLoad = inBackground("ranking-load",
                    () -> Ranking.create(database.jdbi(), articles, settings.ranking(), clock, observability.registry(), spaceLog));
            StaticAssets assets = new StaticAssets(Stream.concat(Stream.of("site.css", "newsroom.css", "views.js", "favicon.svg"),
                    CommentFeature.ASSETS.stream()).toList());
            SiteChrome chrome = new SiteChrome(settings.siteName(), settings.baseUrl(),
                    () -> sections.topLevel().stream().map(s -> new NavLink(s.name(), s.url())).toList(), assets, clock, zone,
                    new FeedLinks(articles, settings.siteName())::forPath);
            Templates templates = new Templates();
            MediaFiles media = new MediaFiles(settings.mediaDir());
            LuceneSearchIndex index = join(indexOpening);
            RelatedPosts related = new RelatedPosts(articles, index, new RelatedStore(database.jdbi()), clock,
                    RelatedPosts.DEFAULT_COUNT, Duration.ofDays(1), relatedAtStart);
            Gauge.builder("broadsheet.related.backlog", related, RelatedPosts::backlog)
                    .description("Related-posts lists waiting to be computed in the background").register(observability.registry());
            // The page-cache switch covers kept search answers too: off, every request measures the uncached path.
            search = new SearchService(articles, index, related, clock,
                    settings.pageCache() ? ResultCache.create(observability.registry()) : ResultCache.off(), spaceLog);
            articles.addListener(search::onChange);
            SearchWeb searchWeb = new SearchWeb(search, sections, chrome, templates);
            ShareTags shareTags = new ShareTags(articles, templates,
                    new StructuredData(settings.siteName(), settings.baseUrl(), null), settings.siteName(), settings.baseUrl());
            PageCache pageCache = new PageCache(settings.pageCache(), 128L << 20, 60, clock, observability.registry());
            Newsroom newsroom = new Newsroom(database.jdbi(), articles, settings, chrome, templates, assets, fullDisk, clock);
            comments = new CommentFeature(database, articles, commentSettings, chrome, templates, assets, clock,
                    staffFormsCarry(newsroom.csrf()), fullDisk).start();
            AccessCheck access = new AccessCheck(newsroom.authenticator(), "/newsroom/sign-in");
            FeedService feeds = new FeedService(articles, new MediaLibrary(database.jdbi(), settings.mediaDir(), clock),
                    database.jdbi(), settings.siteName(), settings.baseUrl(), clock);
            articles.addListener(feeds);
            FeedWeb feedWeb = new FeedWeb(feeds);
            SitemapService sitemaps = new SitemapService(new ArticleCatalog(database.jdbi(), sections, articles.urls(), clock),
                    settings.siteName(), settings.baseUrl(), clock, SitemapService.MAX_URLS);
            articles.addListener(sitemaps);
            SitemapWeb sitemapWeb = new SitemapWeb(sitemaps, settings.baseUrl());
            ErrorPages errors = new ErrorPages(chrome, templates, fullDisk).within(Newsroom.prefix(), newsroom::sendError);

            Ranking ranking = join(rankingLoad);
            ranking.onListsChanged(() -> pageCache.invalidate("rankings"));
            ViewTracking viewTracking = new ViewTracking(ranking.reads(), settings.ranking(), assets, templates);
            ArticleWeb articleWeb = new ArticleWeb(articles, chrome, templates, ranking.rankings(), related,
                    comments.addon(), shareTags, viewTracking, comments.service()::approvedCounts, pageCache);
            comments.service().addListener(articleWeb::commentsChanged);
            comments.onSettingsSaved(pageCache::invalidateAll);
            related.onListChanged(articleWeb::articlePageChanged);

            CommentFeature commentRoutes = comments;
            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jetty.port = settings.port();
                // ctx.ip() is the reader behind the trusted proxies, for every feature (flood control, throttles, metrics).
                cfg.contextResolver.ip = ctx -> ClientAddress.of(RequestFacts.of(ctx), settings.ranking().proxyHops());
                // Four request threads per core (at least 8) instead of Jetty's 200: pages come from memory or short
                // queries, comment POSTs give their thread back while they wait for the commit, and fewer runnable
                // threads switch less (cached article at 16 connections on 2 cores: about 42,000 → 50,000 req/s
                // in alternating runs; 12 threads gave 45,500).
                int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
                QueuedThreadPool pool = new QueuedThreadPool(threads, threads);
                pool.setName("JettyServerThreadPool"); // Javalin's name: logs and tests tell request threads by it
                cfg.jetty.threadPool = pool;
                // Pages, feeds and assets carry their own validators; Javalin's would checksum every response byte by byte.
                cfg.http.generateEtags = false;
                observability.install(cfg);
                cfg.http.maxRequestSize = newsroom.maxRequestBytes();
                // Cached public pages are answered inside Jetty, before Javalin's pipeline (reads still counted).
                // In front of it: bodies are read in full without holding a thread (a slow sender must not hold one
                // of the few), and the requests in flight are counted so that a stop lets them finish.
                // Security headers wrap everything, the fast path and refused bodies included, so every answer carries them.
                cfg.jetty.modifyServer(jetty -> {
                    CachedPageFastPath fastPath = new CachedPageFastPath(pageCache, articleWeb::countRead, observability.registry());
                    fastPath.setHandler(jetty.getHandler());
                    BodyBuffering bodies = new BodyBuffering(newsroom.maxRequestBytes(), bodyLimits,
                            settings.ranking().proxyHops(), observability.registry());
                    bodies.setHandler(fastPath);
                    InFlightRequests inFlight = new InFlightRequests();
                    inFlight.setHandler(bodies);
                    Gauge.builder("broadsheet.requests.in_flight", inFlight, InFlightRequests::active)
                            .description("Requests being handled, bodies being received included").register(observability.registry());
                    SecurityHeaders security = new SecurityHeaders(settings.baseUrl());
                    security.setHandler(inFlight);
                    jetty.setHandler(security);
                    jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
                });
                // a search of 10,000 characters (up to ~90 KB percent-encoded) must reach the search page, not a bare 414
                cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));
                errors.register(cfg.routes);
                cfg.routes.beforeMatched(new FormLimits()::handle);
                cfg.routes.beforeMatched(access::handle);
                cfg.routes.beforeMatched(newsroom.csrf()::handle);
                // Liveness: the process serves. Readiness: searches are answered and a small archive's related lists are
                // there; a huge archive's index rebuild keeps /readyz at 503 for minutes while /healthz stays 200.
                cfg.routes.get("/healthz", ctx -> ctx.header("Cache-Control", "no-store").result("ok"), Role.ANYONE);
                cfg.routes.get("/readyz", searchWeb::readiness, Role.ANYONE);
                cfg.routes.get("/metrics", observability::serveMetrics, Role.ANYONE);
                cfg.routes.get("/assets/{file}", assets::serve, Role.ANYONE);
                cfg.routes.get("/favicon.ico", assets.fixedName("favicon.ico"), Role.ANYONE);
                cfg.routes.get("/media/{file}", media::serve, Role.ANYONE);
                articleWeb.routes(cfg.routes);
                newsroom.routes(cfg.routes);
                viewTracking.routes(cfg.routes);
                commentRoutes.routes(cfg.routes);
                feedWeb.routes(cfg.routes);
                sitemapWeb.routes(cfg.routes);
                searchWeb.routes(cfg.routes);
                articleWeb.catchAllRoutes(cfg.routes);
                HeadRequests.answerLikeGet(cfg.unsafe.internalRouter);
            });
            server.start();
            // Background work (index check or rebuild, related lists of recent news) begins once the site serves.
            search.start();
            ranking.start();
            newsroom.start();
            log.info("Broadsheet is serving on http://localhost:{}/ ({} database, data in {})",
                    server.port(), database.dialect().name().toLowerCase(), settings.dataDir().toAbsolutePath());
            return new App(database, server, articles, ranking, newsroom, comments, search);
        } catch (RuntimeException e) {
            if (search != null) {
                search.close();
            } else {
                indexOpening.thenAccept(LuceneSearchIndex::close);
            }
            if (rankingLoad != null) {
                rankingLoad.thenAccept(Ranking::close);
            }
            if (comments != null) {
                comments.close();
            }
            database.close();
            throw e;
        }
    }

    /** Runs {@code task} on its own daemon thread, so a start can do independent things at once. */
    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** The result of a background part of the start, its failure rethrown as it was thrown. */
    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
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
            return new SearchService(articles, index, related, clock, ResultCache.off(), new OutOfSpaceLog(clock))
                    .rebuildNow(progress);
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

    /** The ranking feature: view counts and the lists (tests flush and recompute through it). */
    public Ranking ranking() {
        return ranking;
    }

    public Newsroom newsroom() {
        return newsroom;
    }

    public CommentFeature comments() {
        return comments;
    }

    public SearchService search() {
        return search;
    }

    /**
     * The moderation queue's forms carry the newsroom's CSRF token; the newsroom's check already runs
     * before every staff route, so there is nothing more to verify here.
     */
    private static StaffRequestCheck staffFormsCarry(Csrf csrf) {
        return new StaffRequestCheck() {
            @Override
            public void verify(io.javalin.http.Context ctx) {
            }

            @Override
            public String formToken(io.javalin.http.Context ctx) {
                return csrf.token(ctx);
            }
        };
    }

    /**
     * Stops in this order: the server stops accepting connections and lets the requests in flight finish (up to
     * {@link #STOP_TIMEOUT}); then the scheduler, the comment writer (its queue is empty by then) and the view
     * counts are flushed; then search and the database close.
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            server.stop();
        } catch (RuntimeException e) {
            // Requests still running after the stop timeout were cut off; what is pending must still be flushed.
            log.warn("the server did not stop cleanly within {} s: {}", STOP_TIMEOUT.toSeconds(), Main.oneLine(e));
        }
        long served = System.nanoTime();
        newsroom.close();
        comments.close();
        ranking.close();
        search.close();
        database.close();
        log.info("stopped in {} ms: serving stopped after {} ms, then comments, view counts, search and database were closed",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), Duration.ofNanos(served - started).toMillis());
    }
}
