package org.broadsheet.newsroom;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticlePage;
import org.broadsheet.article.ViewRecorder;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Author;
import org.broadsheet.article.Correction;
import org.broadsheet.article.DeskAction;
import org.broadsheet.article.DeskRecords;
import org.broadsheet.article.DraftLimits;
import org.broadsheet.article.LeadImage;
import org.broadsheet.article.Section;
import org.broadsheet.article.Slugs;
import org.broadsheet.article.Tag;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.Paged;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The editor: article list, the form with its preview, status changes, revisions and corrections.
 * Thin handlers: parse the form, ask {@link ArticleDesk}, render or redirect.
 */
final class EditorScreens {

    private static final int PAGE_SIZE = 30;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ArticleService articles;
    private final ArticleDesk desk;
    private final MediaLibrary media;
    private final SiteChrome chrome;
    private final NewsroomWeb.Frame frame;
    private final long maxUploadBytes;
    private final FullDisk fullDisk;
    private final java.time.Clock clock;

    EditorScreens(ArticleService articles, ArticleDesk desk, MediaLibrary media, SiteChrome chrome, NewsroomWeb.Frame frame,
                  long maxUploadBytes, FullDisk fullDisk, java.time.Clock clock) {
        this.clock = clock;
        this.fullDisk = fullDisk;
        this.articles = articles;
        this.desk = desk;
        this.media = media;
        this.chrome = chrome;
        this.frame = frame;
        this.maxUploadBytes = maxUploadBytes;
    }

    // ---- list ----

    void list(Context ctx) {
        Principal me = NewsroomWeb.principal(ctx);
        String status = ctx.queryParam("status");
        ArticleStatus st = Arrays.stream(ArticleStatus.values()).filter(s -> s.code().equals(status)).findFirst().orElse(null);
        Long section = NewsroomWeb.optionalNumber(ctx.queryParam("section"), "The section filter");
        Long author = NewsroomWeb.optionalNumber(ctx.queryParam("author"), "The author filter");
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() > 200) {
            throw new BadRequestResponse("The search may be at most 200 characters.");
        }
        int page = pageNumber(ctx);
        Paged<DeskRecords.Item> items = desk.list(new DeskRecords.Filter(st, section, author, q,
                me.role().includes(Role.AUTHOR) ? null : me.userId()), page, PAGE_SIZE);
        List<NewsroomPages.ListRow> rows = items.items().stream().map(i -> new NewsroomPages.ListRow(i.id(), i.headline(),
                NewsroomText.status(i.status()), i.status().code(), i.sectionName(), DisplayTime.of(i.updatedAt(), chrome.zone()),
                i.status() == ArticleStatus.PUBLISHED ? i.url() : null)).toList();
        List<NewsroomPages.Option> statuses = new ArrayList<>();
        statuses.add(new NewsroomPages.Option("", "Any status", st == null));
        for (ArticleStatus s : ArticleStatus.values()) {
            statuses.add(new NewsroomPages.Option(s.code(), NewsroomText.status(s), s == st));
        }
        List<NewsroomPages.Option> sections = new ArrayList<>();
        sections.add(new NewsroomPages.Option("", "Any section", section == null));
        sections.addAll(sectionOptions(section == null ? -1 : section));
        List<NewsroomPages.Option> authors = new ArrayList<>();
        authors.add(new NewsroomPages.Option("", "Any author", author == null));
        for (Author a : desk.authors()) {
            authors.add(new NewsroomPages.Option(String.valueOf(a.id()), a.name(), author != null && author == a.id()));
        }
        String query = "status=" + (st == null ? "" : st.code()) + "&section=" + (section == null ? "" : section)
                + "&author=" + (author == null ? "" : author) + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        frame.send(ctx, "newsroom/articles.jte", new NewsroomPages.ArticlesPage(frame.layout(ctx, "Articles", "articles"),
                new Paged<>(rows, items.number(), items.size(), items.total()), statuses, sections, authors, q, query));
    }

    // ---- the form ----

    void newForm(Context ctx) {
        Principal me = NewsroomWeb.principal(ctx);
        long firstSection = articles.sections().topLevel().isEmpty() ? 0 : articles.sections().topLevel().get(0).id();
        sendEditor(ctx, null, EditorForm.blank(firstSection, me.name()), NewsroomPages.Problems.NONE, null);
    }

    void edit(Context ctx) {
        Article a = load(ctx);
        sendEditor(ctx, a, EditorForm.of(ArticleDesk.draftOf(a)), NewsroomPages.Problems.NONE, null);
    }

    void create(Context ctx) {
        Principal me = NewsroomWeb.principal(ctx);
        Submission sent = submission(ctx);
        keepingFormOnFullDisk(ctx, null, sent.form(), () -> {
            try {
                EditorForm form = accepted(sent, -1);
                long id = desk.create(form.toDraft(), me);
                ctx.redirect("/newsroom/articles/" + id + "?done=created", HttpStatus.SEE_OTHER);
            } catch (DeskRecords.InvalidDraftException e) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                sendEditor(ctx, null, sent.form(), new NewsroomPages.Problems(e.problems()), "Please correct the marked fields.");
            }
        });
    }

    void save(Context ctx) {
        Article a = load(ctx);
        Submission sent = submission(ctx);
        int version = version(ctx);
        keepingFormOnFullDisk(ctx, a, sent.form(), () -> {
            try {
                EditorForm form = accepted(sent, a.id());
                desk.saveChecked(a.id(), version, form.toDraft(), NewsroomWeb.principal(ctx));
                ctx.redirect("/newsroom/articles/" + a.id() + "?done=saved", HttpStatus.SEE_OTHER);
            } catch (DeskRecords.InvalidDraftException e) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                sendEditor(ctx, a, sent.form(), new NewsroomPages.Problems(e.problems()), "Please correct the marked fields.");
            } catch (DeskRecords.StaleEditException e) {
                ctx.status(HttpStatus.CONFLICT);
                sendEditor(ctx, a, sent.form(), NewsroomPages.Problems.NONE, e.getMessage());
            }
        });
    }

    /**
     * Runs a save; when the disk is full, shows the editor again with what was typed (a photo sent with it
     * was not kept) and the reason, answered 503 with Retry-After, so nothing typed is lost.
     */
    private void keepingFormOnFullDisk(Context ctx, Article a, EditorForm typed, Runnable save) {
        try {
            save.run();
        } catch (RuntimeException e) {
            if (!fullDisk.refuses(ctx, e)) {
                throw e;
            }
            sendEditor(ctx, a, typed, NewsroomPages.Problems.NONE, FullDisk.MESSAGE);
        }
    }

    /**
     * Renders the posted form with the public article template, without saving anything. The limits of a save
     * apply (an unbounded body would take seconds to render); a photo chosen but not saved yet is not shown,
     * since only saved photos are stored.
     */
    void preview(Context ctx) {
        EditorForm form = EditorForm.from(ctx);
        Section section = articles.sections().all().stream().filter(s -> s.id() == form.sectionId()).findFirst()
                .orElseThrow(() -> new BadRequestResponse("Choose a section before previewing."));
        var draft = form.toDraft();
        List<DeskRecords.Problem> problems = DraftLimits.check(draft);
        if (!problems.isEmpty()) {
            throw new HttpResponseException(HttpStatus.UNPROCESSABLE_CONTENT.getCode(), "The preview was not made: "
                    + String.join(" ", problems.stream().map(DeskRecords.Problem::message).toList()));
        }
        String slug = draft.slug().isBlank() ? Slugs.slugify(draft.headline()) : draft.slug();
        Instant now = clock.instant();
        LeadImage lead = draft.leadMediaId() == null ? null : media.find(draft.leadMediaId())
                .map(m -> new LeadImage(m.id(), m.fileName(), m.width(), m.height(), draft.leadAlt(), draft.leadCaption(), draft.leadCredit()))
                .orElse(null);
        Article article = new Article(0, section, slug, draft.headline().isBlank() ? "(No headline yet)" : draft.headline(),
                draft.standfirst(), draft.bodyMarkdown(), articles.renderBody(draft.bodyMarkdown()), lead,
                draft.bylines().stream().map(n -> new Author(0, Slugs.slugify(n), n, "")).toList(),
                draft.tags().stream().map(t -> new Tag(0, Slugs.slugify(t), t)).toList(), ArticleStatus.DRAFT, now, now, now, null,
                draft.source(), 0);
        Long id = NewsroomWeb.optionalNumber(ctx.formParam("id"), "The article number");
        List<Correction> corrections = id == null ? List.of() : articles.corrections(id);
        ArticlePage page = new ArticlePage(chrome.layoutNoIndex("Preview: " + article.headline(), article.standfirst(),
                "/newsroom/preview"), article, articles.sections().parent(section).orElse(null), DisplayTime.of(now, chrome.zone()),
                null, List.of(), List.of(), List.of(), output -> { }, ViewRecorder.EMPTY, corrections, ViewRecorder.EMPTY);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("X-Broadsheet-Preview", "1");
        frame.templates().send(ctx, "article/article.jte", page);
    }

    // ---- status, revisions, corrections ----

    void transition(Context ctx) {
        Article a = load(ctx);
        String raw = ctx.formParam("action");
        DeskAction action = Arrays.stream(DeskAction.values()).filter(x -> x.name().equalsIgnoreCase(raw)).findFirst()
                .orElseThrow(() -> new BadRequestResponse("Unknown step."));
        Instant at = null;
        if (action == DeskAction.SCHEDULE) {
            at = parseTime(ctx.formParam("at"));
        }
        try {
            desk.transition(a.id(), version(ctx), action, at, NewsroomWeb.principal(ctx));
            ctx.redirect("/newsroom/articles/" + a.id() + "?done=" + action.name().toLowerCase(Locale.ROOT), HttpStatus.SEE_OTHER);
        } catch (DeskRecords.InvalidActionException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            sendEditor(ctx, a, EditorForm.of(ArticleDesk.draftOf(a)), NewsroomPages.Problems.NONE, e.getMessage());
        } catch (DeskRecords.StaleEditException e) {
            ctx.status(HttpStatus.CONFLICT);
            sendEditor(ctx, a, EditorForm.of(ArticleDesk.draftOf(a)), NewsroomPages.Problems.NONE, e.getMessage());
        }
    }

    void revisions(Context ctx) {
        Principal me = NewsroomWeb.principal(ctx);
        Article a = load(ctx);
        List<DeskRecords.Revision> all = desk.revisions(a.id(), me);
        List<NewsroomPages.RevisionRow> rows = all.stream().map(this::row).toList();
        Long toId = NewsroomWeb.optionalNumber(ctx.queryParam("to"), "The revision number");
        Long fromId = NewsroomWeb.optionalNumber(ctx.queryParam("from"), "The revision number");
        DeskRecords.Revision to = toId == null ? (all.isEmpty() ? null : all.get(0)) : desk.revision(a.id(), toId)
                .orElseThrow(() -> new NotFoundResponse("There is no such revision."));
        DeskRecords.Revision from = fromId != null ? desk.revision(a.id(), fromId)
                .orElseThrow(() -> new NotFoundResponse("There is no such revision."))
                : all.size() > 1 ? all.get(1) : null;
        List<TextDiff.Line> diff = from == null || to == null ? List.of() : TextDiff.diff(text(from), text(to));
        frame.send(ctx, "newsroom/revisions.jte", new NewsroomPages.RevisionsPage(frame.layout(ctx, "Revisions", "articles"),
                a.id(), a.headline(), a.version(), rows, from == null ? null : row(from), to == null ? null : row(to), diff,
                desk.canEdit(a, me)));
    }

    void restore(Context ctx) {
        Article a = load(ctx);
        try {
            desk.restore(a.id(), NewsroomWeb.idParam(ctx, "rev"), version(ctx), NewsroomWeb.principal(ctx));
            ctx.redirect("/newsroom/articles/" + a.id() + "?done=restored", HttpStatus.SEE_OTHER);
        } catch (DeskRecords.StaleEditException | DeskRecords.InvalidActionException | DeskRecords.InvalidDraftException e) {
            ctx.status(HttpStatus.CONFLICT);
            sendEditor(ctx, a, EditorForm.of(ArticleDesk.draftOf(a)), NewsroomPages.Problems.NONE, e.getMessage());
        }
    }

    void correct(Context ctx) {
        Article a = load(ctx);
        String kind = ctx.formParam("kind");
        Correction.Kind k = "update".equals(kind) ? Correction.Kind.UPDATE : "correction".equals(kind) ? Correction.Kind.CORRECTION : null;
        try {
            desk.addCorrection(a.id(), k, ctx.formParam("text"), NewsroomWeb.principal(ctx));
            ctx.redirect("/newsroom/articles/" + a.id() + "?done=corrected", HttpStatus.SEE_OTHER);
        } catch (DeskRecords.InvalidActionException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            sendEditor(ctx, a, EditorForm.of(ArticleDesk.draftOf(a)), NewsroomPages.Problems.NONE, e.getMessage());
        }
    }

    // ---- helpers ----

    private Article load(Context ctx) {
        return desk.find(NewsroomWeb.idParam(ctx, "id"), NewsroomWeb.principal(ctx))
                .orElseThrow(() -> new NotFoundResponse("There is no such article."));
    }

    private void sendEditor(Context ctx, Article a, EditorForm form, NewsroomPages.Problems problems, String error) {
        Principal me = NewsroomWeb.principal(ctx);
        String leadUrl = form.leadMediaId() == null ? null : media.find(form.leadMediaId())
                .map(m -> "/media/" + m.fileName()).orElse(null);
        List<DeskAction> actions = a == null ? List.of() : Arrays.stream(DeskAction.values())
                .filter(x -> x.startsFrom(a.status()) && desk.canDo(a, x, me)).toList();
        String title = a == null ? "New article" : "Edit: " + a.headline();
        Instant suggested = a != null && a.status() == ArticleStatus.SCHEDULED ? a.publishedAt()
                : clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        frame.send(ctx, "newsroom/editor.jte", new NewsroomPages.EditorPage(frame.layout(ctx, title, a == null ? "new" : "articles"),
                a == null ? null : a.id(), a == null ? 0 : a.version(), a == null ? ArticleStatus.DRAFT : a.status(),
                NewsroomText.status(a == null ? ArticleStatus.DRAFT : a.status()), form, leadUrl, problems, error,
                sectionOptions(form.sectionId()), actions, LOCAL_INPUT.format(suggested.atZone(chrome.zone())),
                a != null && a.status() == ArticleStatus.PUBLISHED ? articles.url(a) : null,
                a == null || a.publishedAt() == null ? null : DisplayTime.of(a.publishedAt(), chrome.zone()),
                a == null ? List.of() : articles.corrections(a.id()),
                a != null && a.status() == ArticleStatus.PUBLISHED && me.role().includes(Role.EDITOR),
                NewsroomText.size(maxUploadBytes)));
    }

    private List<NewsroomPages.Option> sectionOptions(long selected) {
        List<NewsroomPages.Option> out = new ArrayList<>();
        for (Section top : articles.sections().topLevel()) {
            out.add(new NewsroomPages.Option(String.valueOf(top.id()), top.name(), top.id() == selected));
            for (Section child : articles.sections().children(top)) {
                out.add(new NewsroomPages.Option(String.valueOf(child.id()), top.name() + " › " + child.name(), child.id() == selected));
            }
        }
        return out;
    }

    /** The form as sent, with its photo decoded and cleaned in memory (not stored), if one came with it. */
    private record Submission(EditorForm form, MediaLibrary.PreparedImage upload) {
    }

    private Submission submission(Context ctx) {
        EditorForm form = EditorForm.from(ctx);
        if (!ctx.isMultipartFormData()) {
            return new Submission(form, null);
        }
        UploadedFile file = ctx.uploadedFile("leadImage");
        if (file == null || file.size() == 0) {
            return new Submission(form, null);
        }
        if (file.size() > maxUploadBytes) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "The photo is too large: it may be up to " + NewsroomText.size(maxUploadBytes) + ".");
        }
        // The file's name and declared type are ignored: the bytes decide what it is, and the stored name comes from them.
        try (InputStream in = file.content()) {
            return new Submission(form, media.prepare(in.readAllBytes()));
        } catch (IOException e) {
            throw new BadRequestResponse("The upload was interrupted; please try again.");
        }
    }

    /**
     * Checks the whole form first and only then stores its photo, so a refused form leaves no file and no media
     * row behind; the form returned points at the stored photo.
     */
    private EditorForm accepted(Submission sent, long articleId) {
        EditorForm form = sent.form();
        List<DeskRecords.Problem> problems = new ArrayList<>();
        if (sent.upload() == null && form.leadMediaId() != null && media.find(form.leadMediaId()).isEmpty()) {
            problems.add(new DeskRecords.Problem("leadImage", "That photo is not in the library any more; upload it again."));
        }
        try {
            // a stand-in id while the photo is not stored, so the rules for an article with a photo apply
            desk.check((sent.upload() == null ? form : form.withLeadMedia(Long.MAX_VALUE)).toDraft(), articleId);
        } catch (DeskRecords.InvalidDraftException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            if (sent.upload() != null) {
                problems.add(new DeskRecords.Problem("leadImage",
                        "Choose the photo again: it is kept only once the rest of the form is accepted."));
            }
            throw new DeskRecords.InvalidDraftException(problems);
        }
        return sent.upload() == null ? form : form.withLeadMedia(media.store(sent.upload()).id());
    }

    private NewsroomPages.RevisionRow row(DeskRecords.Revision r) {
        return new NewsroomPages.RevisionRow(r.id(), r.version(), DisplayTime.of(r.savedAt(), chrome.zone()), r.savedBy(), r.note());
    }

    /** A revision as text for the diff: the fields one per line, then the body. */
    private String text(DeskRecords.Revision r) {
        var d = r.draft();
        String section = articles.sections().all().stream().filter(s -> s.id() == d.sectionId()).map(Section::name).findFirst().orElse("?");
        return "Headline: " + d.headline() + "\nSlug: " + d.slug() + "\nSection: " + section + "\nStandfirst: " + d.standfirst()
                + "\nBylines: " + String.join(", ", d.bylines()) + "\nTags: " + String.join(", ", d.tags())
                + "\nLead photo: " + (d.leadMediaId() == null ? "none" : "#" + d.leadMediaId() + " alt \"" + d.leadAlt()
                + "\", caption \"" + d.leadCaption() + "\", credit \"" + d.leadCredit() + "\"")
                + "\nSource: " + d.source().name() + " " + d.source().url() + "\n\n" + d.bodyMarkdown();
    }

    private Instant parseTime(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadRequestResponse("Choose the date and time to publish at.");
        }
        try {
            return LocalDateTime.parse(raw.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(chrome.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("The publication time must look like 2026-11-28T14:30.");
        }
    }

    private static int version(Context ctx) {
        String raw = ctx.formParam("version");
        if (raw == null || !raw.matches("\\d{1,9}")) {
            throw new BadRequestResponse("The form is missing the article's version; reload the article and try again.");
        }
        return Integer.parseInt(raw);
    }

    private static int pageNumber(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        if (!raw.matches("\\d{1,5}") || Integer.parseInt(raw) < 1) {
            throw new BadRequestResponse("The page number must be a whole number from 1 to 99999.");
        }
        return Integer.parseInt(raw);
    }
}
