package org.broadsheet.newsroom;

import io.javalin.config.RoutesConfig;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.SessionAuthenticator;
import org.broadsheet.account.SignInDelays;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Scheduler;
import org.broadsheet.config.Settings;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.web.Authenticator;
import org.broadsheet.web.Csrf;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.StaticAssets;
import org.broadsheet.web.Templates;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;

/**
 * The newsroom's part of the composition root: accounts and sessions, the article desk and its
 * scheduler, media uploads, CSRF protection and the staff screens, built together so that
 * {@code App} wires them with a few lines. {@link #start()} and {@link #close()} run the scheduler;
 * {@link #close()} also ends the sign-in attempts still waiting out a throttling delay.
 */
public final class Newsroom implements AutoCloseable {

    private final SignInDelays signInDelays = new SignInDelays();
    private final SessionAuthenticator sessions;
    private final Csrf csrf;
    private final ArticleDesk desk;
    private final Scheduler scheduler;
    private final NewsroomWeb web;
    private final long maxUploadBytes;

    public Newsroom(Jdbi jdbi, ArticleService articles, Settings settings, SiteChrome chrome, Templates templates,
                    StaticAssets assets, FullDisk fullDisk, Clock clock) {
        AccountService accounts = new AccountService(jdbi, clock, signInDelays);
        this.sessions = new SessionAuthenticator(accounts, settings.baseUrl());
        this.csrf = new Csrf(NewsroomWeb.PREFIX, settings.baseUrl());
        this.desk = new ArticleDesk(articles, jdbi, clock);
        this.scheduler = new Scheduler(desk, Duration.ofSeconds(1), fullDisk.log());
        this.maxUploadBytes = settings.maxUploadBytes();
        MediaLibrary media = new MediaLibrary(jdbi, settings.mediaDir(), clock);
        this.web = new NewsroomWeb(accounts, sessions, articles, desk, media, chrome, templates, assets, csrf, maxUploadBytes, fullDisk, clock);
    }

    public Authenticator authenticator() {
        return sessions;
    }

    public Csrf csrf() {
        return csrf;
    }

    public ArticleDesk desk() {
        return desk;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** How many throttled sign-in attempts are waiting out their delay now. */
    public int signInsWaiting() {
        return signInDelays.waiting();
    }

    /** The largest request body to accept: an upload plus the rest of the form. */
    public long maxRequestBytes() {
        return maxUploadBytes + 1024 * 1024;
    }

    /** Shows an error answer for a newsroom address in the newsroom's frame. */
    public void sendError(io.javalin.http.Context ctx, int status, String heading, String message) {
        web.sendError(ctx, status, heading, message);
    }

    /** The prefix of every newsroom address. */
    public static String prefix() {
        return NewsroomWeb.PREFIX;
    }

    public void routes(RoutesConfig routes) {
        web.routes(routes);
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        // first, so that the waiting sign-ins' 503 answers can go out while the server still runs
        signInDelays.close();
        scheduler.close();
    }
}
