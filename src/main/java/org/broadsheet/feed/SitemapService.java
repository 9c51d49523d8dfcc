package org.broadsheet.feed;

import org.broadsheet.article.ArticleCatalog;
import org.broadsheet.article.ArticleCatalog.Entry;
import org.broadsheet.article.ArticleCatalog.NewsEntry;
import org.broadsheet.article.ArticleChange;
import org.broadsheet.article.ArticleListener;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Sitemaps for search engines: an index at {@code /sitemap.xml} naming one sitemap of the home page and
 * sections, and paginated sitemaps (at most {@link #MAX_URLS} addresses each) of articles, tags and
 * authors, every address with its lastmod; and a Google News sitemap of the last two days' articles.
 * Only what readers can see is listed. Thread-safe.
 */
public final class SitemapService implements ArticleListener {

    /** The sitemap protocol's limit of addresses per file. */
    public static final int MAX_URLS = 50_000;
    /** Google News takes articles of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_LIMIT = 1_000;

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    /** The paginated sitemaps, named {@code /sitemaps/{kind}-{n}.xml}. */
    enum Kind { ARTICLES, TAGS, AUTHORS }

    private final ArticleCatalog catalog;
    private final String siteName;
    private final String baseUrl;
    private final Clock clock;
    private final int pageSize;
    private final DocumentCache cache;

    /** @param pageSize addresses per sitemap file, at most {@link #MAX_URLS} (smaller in tests) */
    public SitemapService(ArticleCatalog catalog, String siteName, String baseUrl, Clock clock, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_URLS) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_URLS);
        }
        this.catalog = catalog;
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.pageSize = pageSize;
        this.cache = new DocumentCache(clock, FeedService.FRESHNESS, 1_000);
    }

    @Override
    public void onChange(ArticleChange change) {
        cache.onChange(change);
    }

    /** The sitemap index. */
    XmlDocument index() {
        return cache.get("index", () -> {
            Instant last = catalog.lastChange();
            List<Entry> sitemaps = new ArrayList<>();
            sitemaps.add(new Entry("/sitemaps/pages.xml", last));
            List<Instant> articlePages = catalog.articlePagesLastModified(pageSize);
            for (int i = 0; i < articlePages.size(); i++) {
                sitemaps.add(new Entry(path(Kind.ARTICLES, i + 1), articlePages.get(i)));
            }
            for (Kind kind : List.of(Kind.TAGS, Kind.AUTHORS)) {
                int pages = pages(count(kind));
                for (int i = 1; i <= pages; i++) {
                    sitemaps.add(new Entry(path(kind, i), last));
                }
            }
            return write("sitemapindex", "sitemap", sitemaps, null);
        });
    }

    /** The home page and every section that has something to show. */
    XmlDocument pages() {
        return cache.get("pages", () -> {
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry("/", catalog.lastChange()));
            entries.addAll(catalog.sections());
            return write("urlset", "url", entries, null);
        });
    }

    /** Page {@code number} (from 1) of a paginated sitemap, or empty past the last page. */
    Optional<XmlDocument> page(Kind kind, int number) {
        Optional<XmlDocument> cached = cache.peek(path(kind, number));
        if (cached.isPresent()) {
            return cached; // a page that was built still exists until the next change: no count query needed
        }
        if (number < 1 || number > pages(count(kind))) {
            return Optional.empty();
        }
        return Optional.of(cache.get(path(kind, number), () -> {
            int offset = (number - 1) * pageSize;
            List<Entry> entries = switch (kind) {
                case ARTICLES -> catalog.articles(offset, pageSize);
                case TAGS -> catalog.tags(offset, pageSize);
                case AUTHORS -> catalog.authors(offset, pageSize);
            };
            return write("urlset", "url", entries, null);
        }));
    }

    /** The Google News sitemap: articles published in the last two days, newest first. */
    XmlDocument news() {
        return cache.get("news", () -> {
            List<NewsEntry> recent = catalog.publishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
            Instant last = recent.stream().map(NewsEntry::publishedAt).max(Comparator.naturalOrder()).orElse(null);
            return write("urlset", "url", List.of(), w -> writeNews(w, recent), last);
        });
    }

    private int count(Kind kind) {
        IntSupplier counter = switch (kind) {
            case ARTICLES -> catalog::countArticles;
            case TAGS -> catalog::countTags;
            case AUTHORS -> catalog::countAuthors;
        };
        return counter.getAsInt();
    }

    private int pages(int count) {
        return (count + pageSize - 1) / pageSize;
    }

    static String path(Kind kind, int number) {
        return "/sitemaps/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + number + ".xml";
    }

    // ---- writing ----

    /** Extra content written after the plain entries (the news sitemap's). */
    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private XmlDocument write(String root, String element, List<Entry> entries, Body extra) {
        Instant last = entries.stream().map(Entry::lastModified).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return write(root, element, entries, extra, last);
    }

    private XmlDocument write(String root, String element, List<Entry> entries, Body extra, Instant lastModified) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            w.writeDefaultNamespace(SITEMAP_NS);
            if (extra != null) {
                w.writeNamespace("news", NEWS_NS);
            }
            for (Entry e : entries) {
                w.writeStartElement(element);
                simple(w, "loc", baseUrl + e.path());
                if (e.lastModified() != null) {
                    simple(w, "lastmod", w3c(e.lastModified()));
                }
                w.writeEndElement();
            }
            if (extra != null) {
                extra.write(w);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a sitemap", e);
        }
        return XmlDocument.of(out.toString(), CONTENT_TYPE, cache.lastModified(lastModified));
    }

    private void writeNews(XMLStreamWriter w, List<NewsEntry> recent) throws XMLStreamException {
        for (NewsEntry n : recent) {
            w.writeStartElement("url");
            simple(w, "loc", baseUrl + n.path());
            w.writeStartElement("news", "news", NEWS_NS);
            w.writeStartElement("news", "publication", NEWS_NS);
            w.writeStartElement("news", "name", NEWS_NS);
            w.writeCharacters(siteName);
            w.writeEndElement();
            w.writeStartElement("news", "language", NEWS_NS);
            w.writeCharacters("en");
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("news", "publication_date", NEWS_NS);
            w.writeCharacters(w3c(n.publishedAt()));
            w.writeEndElement();
            w.writeStartElement("news", "title", NEWS_NS);
            w.writeCharacters(XmlText.clean(n.headline()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    private static void simple(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** W3C Datetime (the sitemap protocol's date format), in UTC to the second. */
    private static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

}
