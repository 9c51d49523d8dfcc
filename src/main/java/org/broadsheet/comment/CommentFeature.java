package org.broadsheet.comment;

import io.javalin.config.RoutesConfig;
import org.broadsheet.article.ArticleAddon;
import org.broadsheet.article.ArticleService;
import org.broadsheet.storage.Database;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.StaticAssets;
import org.broadsheet.web.Templates;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The comment feature as the composition root sees it: built from its dependencies, it exposes the article
 * page addon, the service other features may call, the routes, and the background work it owns (the comment
 * writer and the address eraser), which {@link #close()} stops after finishing queued writes.
 */
public final class CommentFeature implements AutoCloseable {

    /** The static files this feature serves through {@link StaticAssets}. */
    public static final List<String> ASSETS = List.of("comments.js", "comments.css");

    private final CommentService service;
    private final CommentWriter writer;
    private final AddressEraser eraser;
    private final PublicComments publicPages;
    private final ModerationQueue queue;
    private final CommentAddon addon;
    private final ModerationRules rules;
    /** Writes the answers to comment POSTs once their commit is done, so no request thread waits for it. */
    private final ExecutorService answers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "comment-answers");
                t.setDaemon(true);
                return t;
            });

    public CommentFeature(Database database, ArticleService articles, CommentSettings settings, SiteChrome chrome,
                          Templates templates, StaticAssets assets, Clock clock, StaffRequestCheck staffCheck, FullDisk fullDisk) {
        CommentRepository repository = new CommentRepository(database.jdbi());
        FormTokens tokens = new FormTokens(new Signer(repository.secret()), clock, settings);
        ModerationRules rules = new ModerationRules(database.jdbi(), settings);
        this.rules = rules;
        this.writer = new CommentWriter(database.jdbi(), database.dialect(), clock, settings, new Moderation(rules::current));
        this.service = new CommentService(repository, writer, articles, settings, () -> rules.current().closeAfterDays(), tokens, clock);
        this.eraser = new AddressEraser(repository, clock, settings.addressRetention());
        CommentViews views = new CommentViews(chrome.zone());
        OriginCheck origin = new OriginCheck(chrome.baseUrl());
        this.publicPages = new PublicComments(service, views, chrome, templates, origin, assets.url("comments.js"),
                assets.url("comments.css"), answers, fullDisk);
        this.queue = new ModerationQueue(service, views, chrome, templates,
                staffCheck != null ? staffCheck : origin::verify, assets.url("comments.css"), rules, fullDisk);
        this.addon = new CommentAddon(publicPages, templates);
    }

    /** Starts the writer and the address eraser. */
    public CommentFeature start() {
        // The stored rules are read once now, so no reader's page waits for the first read (later reloads are background).
        rules.current();
        writer.start();
        eraser.start();
        return this;
    }

    public CommentService service() {
        return service;
    }

    /**
     * Runs {@code listener} after an editor saved the comment settings: whether comments are open may have
     * changed on every article, so pages showing the form or the "closed" notice are stale.
     */
    public void onSettingsSaved(Runnable listener) {
        rules.onSaved(listener);
    }

    /** The comments part of the article page. */
    public ArticleAddon addon() {
        return addon;
    }

    public void routes(RoutesConfig routes) {
        routes.post("/comments", publicPages::post, Role.ANYONE);
        routes.get("/comments", publicPages::toArticle, Role.ANYONE);
        routes.post("/comments/on/{article}", publicPages::post, Role.ANYONE);
        routes.get("/comments/on/{article}", publicPages::page, Role.ANYONE);
        routes.get("/comments/held", publicPages::held, Role.ANYONE);
        routes.get("/comments/token", publicPages::token, Role.ANYONE);
        routes.get("/newsroom/comments", queue::list, Role.EDITOR);
        routes.get("/newsroom/comment-settings", queue::settings, Role.EDITOR);
        routes.post("/newsroom/comment-settings", queue::saveSettings, Role.EDITOR);
        routes.post("/newsroom/comments/bulk", queue::bulk, Role.EDITOR);
        routes.get("/newsroom/comments/{id}", queue::edit, Role.EDITOR);
        routes.post("/newsroom/comments/{id}", queue::saveEdit, Role.EDITOR);
        routes.post("/newsroom/comments/{id}/reply", queue::reply, Role.EDITOR);
        routes.post("/newsroom/comments/{id}/closing", queue::closing, Role.EDITOR);
    }

    /** Erases addresses past retention now (the background task does this hourly). */
    int eraseDueAddresses() {
        return eraser.eraseDue();
    }

    @Override
    public void close() {
        eraser.close();
        writer.close(); // finishes the queued writes, whose answers then run
        answers.shutdown();
        try {
            answers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
