package org.broadsheet.article;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.Paged;
import org.broadsheet.web.SameSitePaths;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Handlers for the public news pages: home, sections, articles, tags and authors. Thin: parse the
 * address, ask {@link ArticleService}, render.
 */
final class PublicPages {

    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 10_000;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

    private final ArticleService articles;
    private final SiteChrome chrome;
    private final Templates templates;
    private final Rankings rankings;
    private final RelatedArticles related;
    private final ArticleAddon addon;
    private final ViewRecorder views;
    private final CommentCounts commentCounts;
    private final ArticleHead head;

    PublicPages(ArticleService articles, SiteChrome chrome, Templates templates, Rankings rankings,
                RelatedArticles related, ArticleAddon addon, ArticleHead head, ViewRecorder views, CommentCounts commentCounts) {
        this.commentCounts = commentCounts;
        this.head = head;
        this.articles = articles;
        this.chrome = chrome;
        this.templates = templates;
        this.rankings = rankings;
        this.related = related;
        this.addon = addon;
        this.views = views;
    }

    void home(Context ctx) {
        List<ArticleSummary> latest = articles.latest(1, 13).items();
        ArticleSummary lead = latest.isEmpty() ? null : latest.get(0);
        Map<Long, List<ArticleSummary>> perSection = articles.latestPerTopSection(4);
        List<HomePage.SectionBlock> blocks = new ArrayList<>();
        for (Section s : articles.sections().topLevel()) {
            List<ArticleSummary> items = perSection.getOrDefault(s.id(), List.of());
            if (!items.isEmpty()) {
                blocks.add(new HomePage.SectionBlock(s, items));
            }
        }
        PageCache.depends(ctx, "home", "rankings");
        HomePage page = new HomePage(chrome.layout(null, "The latest news from " + chrome.siteName() + ".", "/"),
                lead, latest.isEmpty() ? List.of() : latest.subList(1, latest.size()), blocks, rankings.topThisWeek(),
                rankings.trending());
        templates.send(ctx, "article/home.jte", page);
    }

    /** Section pages and article pages share the address space below the root, so one handler tells them apart. */
    void sectionOrArticle(Context ctx) {
        if (redirectedToTrailingSlash(ctx)) {
            return;
        }
        String path = ctx.path();
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        int n = segments.size();
        if (n >= 5 && YEAR.matcher(segments.get(n - 4)).matches() && TWO_DIGITS.matcher(segments.get(n - 3)).matches()
                && TWO_DIGITS.matcher(segments.get(n - 2)).matches()) {
            article(ctx, segments.get(n - 1));
            return;
        }
        Section section = articles.sections().byPath(String.join("/", segments))
                .orElseThrow(() -> new NotFoundResponse("There is no page at this address."));
        section(ctx, section);
    }

    private void article(Context ctx, String slug) {
        Optional<Article> found = articles.findPublished(slug);
        if (found.isEmpty()) {
            Article moved = articles.findPublishedByOldSlug(slug)
                    .orElseThrow(() -> new NotFoundResponse("There is no article at this address."));
            redirectPermanently(ctx, articles.url(moved));
            return;
        }
        Article article = found.get();
        String canonical = articles.url(article);
        if (!canonical.equals(ctx.path())) {
            redirectPermanently(ctx, canonical);
            return;
        }
        Section section = article.section();
        Section parent = articles.sections().parent(section).orElse(null);
        PageCache.depends(ctx, PageInvalidation.articleKey(article.id()), "rankings");
        String title = article.headline() + " | " + section.name() + " News";
        var zone = chrome.zone();
        List<Correction> corrections = articles.corrections(article.id());
        ArticlePage page = new ArticlePage(chrome.layout(title, Descriptions.of(article), canonical), article, parent,
                DisplayTime.of(article.publishedAt(), zone),
                article.wasUpdated() ? DisplayTime.of(article.contentUpdatedAt(), zone) : null,
                rankings.topThisWeek(), related.relatedTo(article.id()), rankings.popular(), addon.render(article),
                views.pageMarkup(article), corrections, head.render(article, corrections));
        templates.send(ctx, "article/article.jte", page);
    }

    private void section(Context ctx, Section section) {
        int number = pageNumber(ctx);
        PageCache.depends(ctx, PageInvalidation.sectionKey(section.id()));
        Paged<ArticleSummary> list = articles.inSection(section, number, PAGE_SIZE);
        requireExists(list);
        List<NavLink> crumbs = new ArrayList<>();
        List<NavLink> related = new ArrayList<>();
        Optional<Section> parent = articles.sections().parent(section);
        parent.ifPresent(p -> crumbs.add(new NavLink(p.name(), p.url())));
        Section childrenOf = parent.orElse(section);
        articles.sections().children(childrenOf).stream()
                .filter(c -> c.id() != section.id())
                .forEach(c -> related.add(new NavLink(c.name(), c.url())));
        String title = section.name() + " News" + (number > 1 ? " – page " + number : "");
        String description = section.description().isBlank()
                ? "The latest " + section.name() + " news from " + chrome.siteName() + "." : section.description();
        ListPage page = new ListPage(listLayout(title, description, section.url(), number), "Section",
                section.name(), section.description(), crumbs, related, list, section.url(), counts(list));
        templates.send(ctx, "article/list.jte", page);
    }

    void tag(Context ctx) {
        if (redirectedToTrailingSlash(ctx)) {
            return;
        }
        Tag tag = articles.tag(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundResponse("There is no topic at this address."));
        int number = pageNumber(ctx);
        PageCache.depends(ctx, "tag:" + tag.id());
        Paged<ArticleSummary> list = articles.withTag(tag, number, PAGE_SIZE);
        requireExists(list);
        String description = "News about " + tag.name() + ".";
        ListPage page = new ListPage(listLayout(tag.name() + (number > 1 ? " – page " + number : ""), description, tag.url(), number),
                "Topic", tag.name(), description, List.of(), List.of(), list, tag.url(), counts(list));
        templates.send(ctx, "article/list.jte", page);
    }

    void author(Context ctx) {
        if (redirectedToTrailingSlash(ctx)) {
            return;
        }
        Author author = articles.author(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundResponse("There is no author at this address."));
        int number = pageNumber(ctx);
        PageCache.depends(ctx, "author:" + author.id());
        Paged<ArticleSummary> list = articles.byAuthor(author, number, PAGE_SIZE);
        requireExists(list);
        String intro = author.bio().isBlank() ? "Articles by " + author.name() + "." : author.bio();
        ListPage page = new ListPage(listLayout(author.name() + (number > 1 ? " – page " + number : ""), intro, author.url(), number),
                "Author", author.name(), intro, List.of(), List.of(), list, author.url(), counts(list));
        templates.send(ctx, "article/list.jte", page);
    }

    private org.broadsheet.web.Layout listLayout(String title, String description, String path, int number) {
        return number > 1 ? chrome.layoutNoIndex(title, description, path + "?page=" + number)
                : chrome.layout(title, description, path);
    }

    private Map<Long, Integer> counts(Paged<ArticleSummary> list) {
        return commentCounts.forArticles(list.items().stream().map(ArticleSummary::id).toList());
    }

    /** A page past the end of a list does not exist; page 1 of an empty list does. */
    private static void requireExists(Paged<?> list) {
        if (list.number() > 1 && list.items().isEmpty()) {
            throw new NotFoundResponse("This list has no page " + list.number() + ".");
        }
    }

    private static int pageNumber(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new BadRequestResponse("The page number must be a whole number from 1 to " + MAX_PAGE + ".");
    }

    /**
     * Every public page's address ends with a slash; the router also matches it without, so send those to the one
     * address. Only plain paths are extended: {@code //evil.example} + "/" would send the browser to another site.
     */
    private static boolean redirectedToTrailingSlash(Context ctx) {
        if (ctx.path().endsWith("/")) {
            return false;
        }
        if (!SameSitePaths.isPlain(ctx.path())) {
            throw new NotFoundResponse("There is no page at this address.");
        }
        redirectPermanently(ctx, ctx.path() + "/");
        return true;
    }

    private static void redirectPermanently(Context ctx, String location) {
        String query = ctx.queryString();
        ctx.header("Location", query == null ? location : location + "?" + query);
        ctx.status(301);
    }
}
