package org.broadsheet.comment;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.broadsheet.article.Article;
import org.broadsheet.web.AccessCheck;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Principal;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.SameSitePaths;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The editors' moderation queue at {@code /newsroom/comments} (routes declare {@code Role.EDITOR}). Every POST
 * passes the {@link StaffRequestCheck} first. Thin handlers over {@link CommentService}.
 */
final class ModerationQueue {

    static final int PAGE_SIZE = 50;
    /** What the closing field offers while comments never close (WordPress's figure). */
    private static final int SUGGESTED_CLOSE_DAYS = 14;
    private static final String BASE = "/newsroom/comments";

    private final CommentService service;
    private final CommentViews views;
    private final SiteChrome chrome;
    private final Templates templates;
    private final StaffRequestCheck staffCheck;
    private final String styleUrl;
    private final ModerationRules rules;

    private final FullDisk fullDisk;

    ModerationQueue(CommentService service, CommentViews views, SiteChrome chrome, Templates templates, StaffRequestCheck staffCheck,
                    String styleUrl, ModerationRules rules, FullDisk fullDisk) {
        this.fullDisk = fullDisk;
        this.styleUrl = styleUrl;
        this.rules = rules;
        this.service = service;
        this.views = views;
        this.chrome = chrome;
        this.templates = templates;
        this.staffCheck = staffCheck;
    }

    void list(Context ctx) {
        CommentStatus status = Optional.ofNullable(ctx.queryParam("status")).map(s -> CommentStatus.parse(s)
                .orElseThrow(() -> new BadRequestResponse("Unknown comment state: choose pending, approved, spam or trash.")))
                .orElse(CommentStatus.PENDING);
        Long articleId = ctx.queryParam("article") == null || ctx.queryParam("article").isBlank() ? null : id(ctx.queryParam("article"));
        int page = ctx.queryParam("page") == null ? 1 : (int) Math.min(id(ctx.queryParam("page")), 100_000);
        List<Comment> comments = service.queue(status, articleId, page, PAGE_SIZE + 1);
        boolean hasNext = comments.size() > PAGE_SIZE;
        Map<Long, QueuePage.ArticleRef> refs = new HashMap<>();
        List<QueuePage.Item> items = new ArrayList<>();
        for (Comment c : comments.subList(0, Math.min(PAGE_SIZE, comments.size()))) {
            items.add(item(c, refs.computeIfAbsent(c.articleId(), this::ref)));
        }
        Map<CommentStatus, Integer> counts = service.countsByStatus(articleId);
        List<QueuePage.Tab> tabs = new ArrayList<>();
        for (CommentStatus s : CommentStatus.values()) {
            tabs.add(new QueuePage.Tab(s.label(), counts.get(s), BASE + "?status=" + s.name().toLowerCase(Locale.ROOT)
                    + (articleId == null ? "" : "&article=" + articleId), s == status));
        }
        QueuePage.ArticleRef filter = articleId == null ? null : refs.computeIfAbsent(articleId, this::ref);
        String returnTo = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString().replaceAll("&?done=[^&]*", ""));
        ctx.header("Cache-Control", "no-store");
        templates.send(ctx, "comment/queue.jte", new QueuePage(chrome.layoutNoIndex("Comments", null, BASE), status, tabs,
                filter, items, page, hasNext, notice(ctx.queryParam("done")), returnTo, styleUrl, staffCheck.formToken(ctx)));
    }

    /** POST /newsroom/comments/bulk: one action on the ticked comments, or a single comment's button. */
    void bulk(Context ctx) {
        staffCheck.verify(ctx);
        String single = ctx.formParam("single");
        List<Long> ids;
        String action;
        if (single != null && !single.isBlank()) {
            String[] parts = single.split(":", 2);
            if (parts.length != 2) {
                throw new BadRequestResponse("Unknown action.");
            }
            action = parts[0];
            ids = List.of(id(parts[1]));
        } else {
            action = ctx.formParam("action") == null ? "" : ctx.formParam("action");
            ids = ctx.formParams("ids").stream().map(ModerationQueue::id).distinct().toList();
            if (ids.isEmpty()) {
                throw new BadRequestResponse("Tick at least one comment, then choose an action.");
            }
        }
        if (ids.size() > 500) {
            throw new BadRequestResponse("At most 500 comments at a time, please.");
        }
        CommentStatus target = switch (action) {
            case "approve" -> CommentStatus.APPROVED;
            case "unapprove" -> CommentStatus.PENDING;
            case "spam" -> CommentStatus.SPAM;
            case "trash" -> CommentStatus.TRASH;
            default -> throw new BadRequestResponse("Choose an action: approve, unapprove, spam or trash.");
        };
        service.setStatus(ids, target);
        back(ctx, action + "-" + ids.size());
    }

    void edit(Context ctx) {
        Comment c = comment(ctx);
        ctx.header("Cache-Control", "no-store");
        sendEdit(ctx, c, c.name(), c.website(), c.body(), "", List.of());
    }

    void saveEdit(Context ctx) {
        staffCheck.verify(ctx);
        Comment c = comment(ctx);
        String name = form(ctx, "author");
        String website = form(ctx, "url");
        String body = form(ctx, "comment");
        List<FieldError> errors = service.edit(c, name, website, body);
        if (!errors.isEmpty()) {
            ctx.status(400);
            sendEdit(ctx, c, name, website, body, "", errors);
            return;
        }
        ctx.redirect(BASE + "/" + c.id() + "?done=edited", HttpStatus.SEE_OTHER);
    }

    void reply(Context ctx) {
        staffCheck.verify(ctx);
        Comment c = comment(ctx);
        Principal me = AccessCheck.principal(ctx).orElseThrow(() -> new BadRequestResponse("Please sign in first."));
        String body = form(ctx, "reply");
        if (c.status() != CommentStatus.APPROVED) {
            service.setStatus(List.of(c.id()), CommentStatus.APPROVED);
        }
        CommentService.Posting posting = service.staffReply(service.find(c.id()).orElseThrow(), me.name(),
                me.email() == null || me.email().isBlank() ? "staff-" + me.userId() + "@newsroom.invalid" : me.email(), body);
        if (posting instanceof CommentService.Problems p) {
            ctx.status(400);
            List<FieldError> errors = p.errors().stream().map(e -> new FieldError("reply", e.message())).toList();
            sendEdit(ctx, c, c.name(), c.website(), c.body(), body, errors);
            return;
        }
        ctx.redirect(BASE + "?status=approved&article=" + c.articleId() + "&done=replied", HttpStatus.SEE_OTHER);
    }

    /** POST /newsroom/comments/{id}/closing: the article's own closing rule (empty = site default). */
    void closing(Context ctx) {
        staffCheck.verify(ctx);
        Comment c = comment(ctx);
        String raw = form(ctx, "days").strip();
        Integer days;
        if (raw.isEmpty()) {
            days = null;
        } else {
            try {
                days = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 0 || days > 36_500) {
                throw new BadRequestResponse("Enter the number of days after publication (0 closes comments now), or leave it empty for the site default.");
            }
        }
        service.setCloseOverride(c.articleId(), days);
        ctx.redirect(BASE + "/" + c.id() + "?done=closing", HttpStatus.SEE_OTHER);
    }

    /** GET /newsroom/comment-settings: the moderation policy, link limit, blocklist and closing rule. */
    void settings(Context ctx) {
        ModerationRules.Rules r = rules.current();
        ctx.header("Cache-Control", "no-store");
        boolean closing = r.closeAfterDays() > 0;
        sendSettings(ctx, new SettingsPage.Values(r.policy().name(), Integer.toString(r.maxLinks()), String.join("\n", r.blocklist()),
                closing, Integer.toString(closing ? r.closeAfterDays() : SUGGESTED_CLOSE_DAYS)), null, "saved".equals(ctx.queryParam("done")));
    }

    void saveSettings(Context ctx) {
        staffCheck.verify(ctx);
        SettingsPage.Values sent = new SettingsPage.Values(form(ctx, "policy"), form(ctx, "maxLinks").strip(), form(ctx, "blocklist"),
                "1".equals(form(ctx, "closeOld")), form(ctx, "closeDays").strip());
        ModerationPolicy chosen = java.util.Arrays.stream(ModerationPolicy.values()).filter(p -> p.name().equals(sent.policy()))
                .findFirst().orElse(null);
        int maxLinks = sent.maxLinks().matches("\\d{1,3}") ? Integer.parseInt(sent.maxLinks()) : -1;
        int closeDays = !sent.closeOld() ? 0 : sent.closeDays().matches("\\d{1,5}") ? Integer.parseInt(sent.closeDays()) : -1;
        String error = chosen == null ? "Choose one of the three policies."
                : maxLinks < 0 ? "The link limit must be a whole number from 0 to 999."
                : sent.blocklist().length() > 100_000 ? "The blocklist is too long."
                : sent.closeOld() && (closeDays < 1 || closeDays > 36_500)
                ? "The number of days after which comments close must be a whole number from 1 to 36500." : null;
        if (error != null) {
            ctx.status(400);
            sendSettings(ctx, sent, error, false);
            return;
        }
        try {
            rules.save(new ModerationRules.Rules(chosen, maxLinks, java.util.Arrays.asList(sent.blocklist().split("\\R")), closeDays));
        } catch (RuntimeException e) {
            if (!fullDisk.refuses(ctx, e)) {
                throw e;
            }
            sendSettings(ctx, sent, FullDisk.MESSAGE, false);
            return;
        }
        ctx.redirect("/newsroom/comment-settings?done=saved", HttpStatus.SEE_OTHER);
    }

    private void sendSettings(Context ctx, SettingsPage.Values values, String error, boolean saved) {
        templates.send(ctx, "comment/settings.jte", new SettingsPage(chrome.layoutNoIndex("Comment settings", null,
                "/newsroom/comment-settings"), values, error, saved, styleUrl, staffCheck.formToken(ctx)));
    }

    private void sendEdit(Context ctx, Comment c, String name, String website, String body, String reply, List<FieldError> errors) {
        QueuePage.ArticleRef ref = ref(c.articleId());
        boolean open = service.article(c.articleId()).filter(a -> a.publishedAt() != null).map(service::isOpen).orElse(false);
        templates.send(ctx, "comment/edit.jte", new EditPage(chrome.layoutNoIndex("Edit comment", null, BASE + "/" + c.id()),
                item(c, ref), name, website, body, reply, errors, service.closeOverride(c.articleId()).orElse(null),
                service.siteCloseAfterDays(), open, styleUrl, staffCheck.formToken(ctx)));
    }

    private QueuePage.Item item(Comment c, QueuePage.ArticleRef ref) {
        return new QueuePage.Item(c.id(), ref, c.name(), c.email(), c.website(), c.address() == null ? "erased" : c.address(),
                DisplayTime.of(c.createdAt(), chrome.zone()), views.single(c, false), c.status(), c.staff(), c.parentId(),
                BASE + "/" + c.id());
    }

    private QueuePage.ArticleRef ref(long articleId) {
        Optional<Article> article = service.article(articleId);
        String headline = article.map(Article::headline).orElse("Article " + articleId);
        String url = article.filter(a -> a.publishedAt() != null).map(service::articleUrl).orElse(null);
        return new QueuePage.ArticleRef(articleId, headline, url, BASE + "?status=pending&article=" + articleId);
    }

    private Comment comment(Context ctx) {
        return service.find(id(ctx.pathParam("id"))).orElseThrow(() -> new NotFoundResponse("There is no such comment."));
    }

    private void back(Context ctx, String done) {
        String to = ctx.formParam("returnTo");
        if (!SameSitePaths.isLocal(to) || !to.startsWith(BASE) || to.contains("//")) {
            to = BASE;
        }
        ctx.redirect(to + (to.contains("?") ? "&" : "?") + "done=" + done, HttpStatus.SEE_OTHER);
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        String[] parts = done.split("-", 2);
        String n = parts.length == 2 && parts[1].matches("\\d{1,4}") ? parts[1] : "1";
        String what = switch (parts[0]) {
            case "approve" -> "approved";
            case "unapprove" -> "sent back to pending";
            case "spam" -> "marked as spam";
            case "trash" -> "moved to the trash";
            case "replied" -> "answered";
            case "edited" -> "saved";
            default -> null;
        };
        if (what == null) {
            return null;
        }
        return ("1".equals(n) ? "1 comment " : n + " comments ") + what + ".";
    }

    private static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static long id(String raw) {
        return PublicComments.longParam(raw);
    }
}
