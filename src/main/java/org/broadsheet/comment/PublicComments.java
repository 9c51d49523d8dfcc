package org.broadsheet.comment;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.broadsheet.article.Article;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The readers' comment handlers: POST /comments, the comments page, the fresh-token and held-comment
 * requests the page script makes. Thin: parse, call {@link CommentService}, render or redirect.
 */
final class PublicComments {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicComments.class);

    private final Executor answers;
    private final CommentService service;
    private final CommentViews views;
    private final SiteChrome chrome;
    private final Templates templates;
    private final OriginCheck origin;
    private final String scriptUrl;
    private final String styleUrl;
    private final FullDisk fullDisk;

    PublicComments(CommentService service, CommentViews views, SiteChrome chrome, Templates templates, OriginCheck origin,
                   String scriptUrl, String styleUrl, Executor answers, FullDisk fullDisk) {
        this.fullDisk = fullDisk;
        this.answers = answers;
        this.service = service;
        this.views = views;
        this.chrome = chrome;
        this.templates = templates;
        this.origin = origin;
        this.scriptUrl = scriptUrl;
        this.styleUrl = styleUrl;
    }

    /** The comments part under the shared article page: first page, fresh form, nothing personal. */
    CommentsBlock sharedBlock(Article article) {
        return block(article, 1, null, null, null, service.tokens().sharedFormToken(article.id()));
    }

    /** The comments part for an article; {@code form} null means a fresh form. */
    CommentsBlock block(Article article, int page, Comment held, Comment replyTo, CommentForms form) {
        return block(article, page, held, replyTo, form, service.tokens().formToken(article.id()));
    }

    private CommentsBlock block(Article article, int page, Comment held, Comment replyTo, CommentForms form, String token) {
        CommentService.ThreadPage threads = service.threads(article.id(), page);
        boolean open = service.isOpen(article);
        String articleUrl = service.articleUrl(article);
        CommentForms shown = null;
        if (open) {
            shown = form != null ? form : CommentForms.empty(article.id(), token, articleUrl + "#respond");
            if (form == null && replyTo != null) {
                shown = new CommentForms(article.id(), replyTo.id(), replyTo.name(), articleUrl + "#" + "comment-" + replyTo.id(),
                        "", "", "", "", false, shown.token(), "", List.of());
            }
        }
        return new CommentsBlock(article.id(), articleUrl, service.approvedCount(article.id()), views.threads(threads, held),
                threads.number(), threads.pages(), open, shown, scriptUrl, styleUrl);
    }

    void post(Context ctx) {
        origin.verify(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequestResponse("Comments must be sent with the comment form.");
        }
        // The form posts to its article's comments page, so that the address after a refusal answers a reload.
        Long addressed = ctx.pathParamMap().containsKey("article") ? longParam(ctx.pathParam("article")) : null;
        byte[] body;
        try {
            body = CommentBody.read(ctx);
        } catch (CommentBody.TooLarge e) {
            refuseTooLarge(ctx, addressed);
            return;
        }
        CommentForm form;
        try {
            form = CommentForm.from(StrictForm.parse(body));
        } catch (CommentForm.InvalidForm e) {
            throw new BadRequestResponse(e.getMessage());
        }
        if (addressed != null && addressed != form.articleId()) {
            throw new BadRequestResponse("This comment form belongs to another article.");
        }
        Article article = service.visibleArticle(form.articleId())
                .orElseThrow(() -> new NotFoundResponse("There is no article to comment on here."));
        if (!service.isOpen(article)) {
            throw new io.javalin.http.ForbiddenResponse(CommentService.CLOSED);
        }
        // The request thread is released while the comment waits for its group commit; the answer is written
        // on the answers executor once it is committed (never on the writer's thread, which must keep writing).
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        ctx.future(() -> service.post(form, article, ctx.ip()).handleAsync((posting, error) -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                answer(ctx, form, article, posting, error);
                return null;
            } finally {
                MDC.clear();
            }
        }, answers));
    }

    /**
     * 413 for a body no comment form can make; on the article's comments page, with the message next to the
     * comment field, when the address names the article. Nothing of the body is read, so nothing is echoed.
     */
    private void refuseTooLarge(Context ctx, Long articleId) {
        Optional<Article> article = Optional.ofNullable(articleId).flatMap(service::visibleArticle);
        if (article.isEmpty()) {
            throw new io.javalin.http.HttpResponseException(io.javalin.http.HttpStatus.CONTENT_TOO_LARGE.getCode(), CommentBody.TOO_LONG);
        }
        Article a = article.get();
        CommentForms refused = new CommentForms(a.id(), null, null, service.articleUrl(a) + "#respond", "", "", "", "", false,
                service.tokens().formToken(a.id()), "", List.of(new FieldError("comment", CommentBody.TOO_LONG)));
        ctx.status(io.javalin.http.HttpStatus.CONTENT_TOO_LARGE);
        sendPage(ctx, a, block(a, 1, null, null, refused));
    }

    /** GET /comments (a reload of a refused form sent by an older page): back to the article's form, or home. */
    void toArticle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String target = Optional.ofNullable(ctx.queryParam("article")).filter(s -> s.strip().matches("\\d{1,18}"))
                .map(PublicComments::longParam).flatMap(service::visibleArticle)
                .map(a -> service.articleUrl(a) + "#respond").orElse("/");
        ctx.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void answer(Context ctx, CommentForm sent, Article article, CommentService.Posting posting, Throwable error) {
        // What is shown again is never more than the fields' limits, whatever was sent.
        CommentForm form = sent.clipped();
        if (error != null) {
            if (fullDisk.refuses(ctx, error)) {
                // 503 and Retry-After are set; the reader gets the form back with what they wrote
                showAgain(ctx, form, article, List.of(new FieldError("", FullDisk.MESSAGE)), form.token());
                return;
            }
            log.error("a comment could not be stored", error);
            ctx.header("Retry-After", "5");
            throw new io.javalin.http.ServiceUnavailableResponse(
                    "We could not save your comment just now. Please go back and post it again in a moment.");
        }
        if (posting instanceof CommentService.Problems problems) {
            boolean expiredToken = problems.errors().stream().anyMatch(e -> e.message().equals(FormTokens.Problem.INVALID.message)
                    || e.message().equals(FormTokens.Problem.EXPIRED.message) || e.message().equals(FormTokens.Problem.TOO_FAST.message));
            String token = expiredToken ? service.tokens().formToken(article.id()) : form.token();
            ctx.status(problems.errors().stream().anyMatch(e -> e.message().equals(CommentWriter.FLOOD)) ? 429 : 400);
            showAgain(ctx, form, article, problems.errors(), token);
            return;
        }
        Comment comment = ((CommentService.Posted) posting).comment();
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(afterPost(article, comment, form.scripted()), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The comments page with the reader's form as they sent it, above these problems; the status is set by the caller. */
    private void showAgain(Context ctx, CommentForm form, Article article, List<FieldError> errors, String token) {
        Comment replyTo = form.parentId() == null ? null : service.find(form.parentId()).orElse(null);
        CommentForms again = new CommentForms(article.id(), form.parentId(), replyTo == null ? null : replyTo.name(),
                service.articleUrl(article) + "#respond", form.body(), form.name(), form.email(), form.website(),
                form.remember(), token, form.key(), errors);
        int page = replyTo == null ? 1 : service.pageOf(replyTo);
        sendPage(ctx, article, block(article, page, null, replyTo, again));
    }

    private String afterPost(Article article, Comment comment, boolean scripted) {
        int page = service.pageOf(comment);
        String anchor = "#comment-" + comment.id();
        if (comment.status() == CommentStatus.APPROVED) {
            return page == 1 ? service.articleUrl(article) + anchor : "/comments/on/" + article.id() + "?page=" + page + anchor;
        }
        String held = service.tokens().heldToken(comment.id());
        if (scripted && page == 1) {
            return service.articleUrl(article) + "?held=" + held + anchor;
        }
        return "/comments/on/" + article.id() + "?page=" + page + "&held=" + held + anchor;
    }

    /** GET /comments/on/{article}: a page of threads, a reply form for ?replyto=, a held comment for ?held=. */
    void page(Context ctx) {
        Article article = service.visibleArticle(longParam(ctx.pathParam("article")))
                .orElseThrow(() -> new NotFoundResponse("There is no article at this address."));
        Comment replyTo = Optional.ofNullable(ctx.queryParam("replyto")).map(PublicComments::longParam)
                .flatMap(service::find)
                .filter(c -> c.articleId() == article.id() && c.status() == CommentStatus.APPROVED)
                .orElse(null);
        if (ctx.queryParam("replyto") != null && replyTo == null) {
            throw new NotFoundResponse("The comment you want to reply to is not available.");
        }
        Comment held = service.tokens().heldComment(ctx.queryParam("held")).flatMap(service::find)
                .filter(c -> c.articleId() == article.id() && (c.status() == CommentStatus.PENDING || c.status() == CommentStatus.SPAM))
                .orElse(null);
        int page = ctx.queryParam("page") != null ? pageParam(ctx.queryParam("page"))
                : replyTo != null ? service.pageOf(replyTo) : held != null ? service.pageOf(held) : 1;
        ctx.header("Cache-Control", "private, no-store");
        sendPage(ctx, article, block(article, page, held, replyTo, null));
    }

    /** GET /comments/held?t=…: the reader's own held comment as a fragment, for the article page's script. */
    void held(Context ctx) {
        ctx.header("Cache-Control", "private, no-store");
        Comment held = service.tokens().heldComment(ctx.queryParam("t")).flatMap(service::find)
                .filter(c -> c.status() == CommentStatus.PENDING || c.status() == CommentStatus.SPAM)
                .orElseThrow(() -> new NotFoundResponse("There is no comment awaiting moderation for this link."));
        templates.send(ctx, "comment/held.jte", views.single(held, true));
    }

    /** GET /comments/token?article=…: a fresh form token, so a cached page's form still measures fill-in time. */
    void token(Context ctx) {
        long articleId = longParam(ctx.queryParam("article"));
        service.visibleArticle(articleId).orElseThrow(() -> new NotFoundResponse("There is no article with this number."));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("text/plain; charset=utf-8").result(service.tokens().formToken(articleId));
    }

    private void sendPage(Context ctx, Article article, CommentsBlock block) {
        String url = "/comments/on/" + article.id();
        templates.send(ctx, "comment/page.jte", new CommentsPage(
                chrome.layoutNoIndex("Comments: " + article.headline(), article.standfirst(), url), article.headline(),
                service.articleUrl(article), block));
    }

    static long longParam(String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new BadRequestResponse("The number in this address or form is not valid.");
    }

    private static int pageParam(String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new BadRequestResponse("The page number must be a whole number from 1 to 100000.");
    }
}
