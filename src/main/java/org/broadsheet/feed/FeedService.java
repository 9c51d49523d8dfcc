package org.broadsheet.feed;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleChange;
import org.broadsheet.article.ArticleListener;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.Author;
import org.broadsheet.article.Section;
import org.broadsheet.article.Source;
import org.broadsheet.article.Tag;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaLibrary.FileFacts;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the site's feeds: the latest {@value #ITEMS} published articles of the site, a section, a tag or
 * an author. Rendered feeds are cached until an article changes, and for at most {@link #FRESHNESS}
 * measured on the injected clock so that an embargo ending on its own shows up. Thread-safe.
 */
public final class FeedService implements ArticleListener {

    static final int ITEMS = 20;
    static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final ArticleService articles;
    private final MediaLibrary media;
    private final FeedOptions options;
    private final FeedWriter writer;
    private final String siteName;
    private final String baseUrl;
    private final Clock clock;
    private final DocumentCache cache;

    public FeedService(ArticleService articles, MediaLibrary media, Jdbi jdbi, String siteName, String baseUrl,
                       Clock clock) {
        this.articles = articles;
        this.media = media;
        this.options = new FeedOptions(jdbi);
        this.writer = new FeedWriter(siteName, baseUrl);
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.cache = new DocumentCache(clock, FRESHNESS, 5_000);
    }

    @Override
    public void onChange(ArticleChange change) {
        cache.onChange(change);
    }

    FeedScope site() {
        return new FeedScope("/", siteName, "The latest news from " + siteName + ".", n -> articles.latest(1, n).items());
    }

    Optional<FeedScope> section(String path) {
        return articles.sections().byPath(path).map(this::section);
    }

    private FeedScope section(Section s) {
        String description = s.description() == null || s.description().isBlank()
                ? "The latest " + s.name() + " news from " + siteName + "." : s.description();
        return new FeedScope(s.url(), s.name() + " | " + siteName, description, n -> articles.inSection(s, 1, n).items());
    }

    Optional<FeedScope> tag(String slug) {
        return articles.tag(slug).map((Tag t) -> new FeedScope(t.url(), t.name() + " | " + siteName,
                "News about " + t.name() + " from " + siteName + ".", n -> articles.withTag(t, 1, n).items()));
    }

    Optional<FeedScope> author(String slug) {
        return articles.author(slug).map((Author a) -> new FeedScope(a.url(), a.name() + " | " + siteName,
                "Articles by " + a.name() + " in " + siteName + ".", n -> articles.byAuthor(a, 1, n).items()));
    }

    XmlDocument render(FeedScope scope, FeedFormat format) {
        return cache.get(format.name() + " " + scope.pagePath(), () -> build(scope, format));
    }

    private XmlDocument build(FeedScope scope, FeedFormat format) {
        List<FeedEntry> entries = entries(scope.latest().apply(ITEMS));
        return XmlDocument.of(writer.write(scope, format, entries), format.contentType(),
                cache.lastModified(FeedWriter.lastModified(entries)));
    }

    private List<FeedEntry> entries(List<ArticleSummary> summaries) {
        Instant now = clock.instant();
        // Lists give summaries; feeds need bylines, tags and the body: three small queries per article.
        List<Article> full = summaries.stream().map(s -> articles.findById(s.id()).orElse(null))
                .filter(Objects::nonNull)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null && !a.publishedAt().isAfter(now))
                .toList();
        Map<Long, FileFacts> files = media.facts(full.stream().filter(a -> a.leadImage() != null)
                .map(a -> a.leadImage().mediaId()).toList());
        boolean fullText = options.fullText();
        return full.stream().map(a -> {
            String url = baseUrl + articles.url(a);
            return new FeedEntry(a, url, fullText ? absolute(a.bodyHtml() + attribution(a.source()), url) : null,
                    a.leadImage() == null ? null : files.get(a.leadImage().mediaId()));
        }).toList();
    }

    /**
     * Syndicated text must carry its credit and licence wherever it is shown (CC BY asks for both), so the
     * full text in a feed ends with the same source line as the article page.
     */
    private static String attribution(Source source) {
        if (!source.present()) {
            return "";
        }
        Element p = new Element("p").appendText("Source: ");
        if (source.url() == null || source.url().isBlank()) {
            p.appendText(source.name());
        } else {
            p.appendElement("a").attr("href", source.url()).text(source.name());
        }
        if (source.licence() != null && !source.licence().isBlank()) {
            p.appendText(", licensed under ");
            if (source.licenceUrl() == null || source.licenceUrl().isBlank()) {
                p.appendText(source.licence());
            } else {
                p.appendElement("a").attr("rel", "license").attr("href", source.licenceUrl()).text(source.licence());
            }
        }
        return p.appendText(".").outerHtml();
    }

    /** Feed readers show the body away from our site, so relative links and images must become absolute. */
    private static String absolute(String html, String pageUrl) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html, pageUrl);
        for (Element el : doc.select("a[href], img[src]")) {
            String attr = el.hasAttr("href") ? "href" : "src";
            String abs = el.absUrl(attr);
            if (!abs.isEmpty()) {
                el.attr(attr, abs);
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
