package org.broadsheet.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.broadsheet.article.Article;
import org.broadsheet.article.Author;
import org.broadsheet.article.Descriptions;
import org.broadsheet.article.Tag;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Writes RSS 2.0 and Atom 1.0 with ROME, following the W3C feed validator's rules: absolute URLs, a
 * {@code rel="self"} link, RFC 822 / RFC 3339 dates, unique ids, bylines as {@code dc:creator} (RSS's own
 * {@code author} wants an e-mail address) and a feed-level author so every Atom entry has one. Thread-safe.
 */
final class FeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final String GENERATOR = "Broadsheet";

    private final String siteName;
    private final String baseUrl;
    private final String tagAuthority;

    FeedWriter(String siteName, String baseUrl) {
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.tagAuthority = URI.create(baseUrl).getHost();
    }

    String write(FeedScope scope, FeedFormat format, List<FeedEntry> entries) {
        WireFeed feed = format == FeedFormat.RSS ? rss(scope, entries) : atom(scope, entries);
        feed.setEncoding("UTF-8");
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + format.label() + " feed for " + scope.pagePath(), e);
        }
    }

    /** When the newest entry changed, or null for an empty feed. */
    static Instant lastModified(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(null);
    }

    // ---- RSS 2.0 ----

    private Channel rss(FeedScope scope, List<FeedEntry> entries) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(XmlText.clean(scope.title()));
        channel.setLink(baseUrl + scope.pagePath());
        channel.setDescription(XmlText.clean(scope.description()));
        channel.setLanguage("en");
        channel.setGenerator(GENERATOR);
        channel.setDocs("https://www.rssboard.org/rss-specification");
        Instant last = lastModified(entries);
        if (last != null) {
            channel.setLastBuildDate(Date.from(last));
            channel.setPubDate(Date.from(entries.get(0).article().publishedAt()));
        }
        Element self = new Element("link", ATOM);
        self.setAttribute("href", baseUrl + scope.feedPath(FeedFormat.RSS));
        self.setAttribute("rel", "self");
        self.setAttribute("type", FeedFormat.RSS.mediaType());
        channel.setForeignMarkup(new ArrayList<>(List.of(self)));
        channel.setItems(entries.stream().map(this::rssItem).toList());
        return channel;
    }

    private Item rssItem(FeedEntry e) {
        Article a = e.article();
        Item item = new Item();
        item.setTitle(XmlText.clean(a.headline()));
        item.setLink(e.url());
        Guid guid = new Guid();
        guid.setValue(e.url());
        guid.setPermaLink(true);
        item.setGuid(guid);
        item.setPubDate(Date.from(a.publishedAt()));
        Description description = new Description();
        description.setType("text/plain");
        description.setValue(XmlText.clean(summary(a)));
        item.setDescription(description);
        if (e.bodyHtml() != null) {
            com.rometools.rome.feed.rss.Content content = new com.rometools.rome.feed.rss.Content();
            content.setType(com.rometools.rome.feed.rss.Content.HTML);
            content.setValue(XmlText.clean(e.bodyHtml()));
            item.setContent(content);
        }
        List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>();
        categories.add(rssCategory(a.section().name(), baseUrl + "/"));
        for (Tag t : a.tags()) {
            categories.add(rssCategory(t.name(), baseUrl + "/tag/"));
        }
        item.setCategories(categories);
        if (e.enclosure() != null) {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(baseUrl + a.leadImage().url());
            enclosure.setType(e.enclosure().mimeType());
            enclosure.setLength(e.enclosure().byteSize());
            item.setEnclosures(List.of(enclosure));
        }
        if (!a.bylines().isEmpty() || a.source().present()) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreators(a.bylines().stream().map(Author::name).map(XmlText::clean).toList());
            if (a.source().present()) {
                dc.setRights(XmlText.clean(rights(a)));
            }
            List<Module> modules = new ArrayList<>();
            modules.add(dc);
            item.setModules(modules);
        }
        return item;
    }

    private static com.rometools.rome.feed.rss.Category rssCategory(String name, String domain) {
        com.rometools.rome.feed.rss.Category c = new com.rometools.rome.feed.rss.Category();
        c.setValue(XmlText.clean(name));
        c.setDomain(domain);
        return c;
    }

    // ---- Atom 1.0 ----

    private Feed atom(FeedScope scope, List<FeedEntry> entries) {
        Feed feed = new Feed("atom_1.0");
        String selfUrl = baseUrl + scope.feedPath(FeedFormat.ATOM);
        feed.setId(selfUrl);
        feed.setLanguage("en");
        feed.setTitleEx(text(scope.title()));
        feed.setSubtitle(text(scope.description()));
        Instant last = lastModified(entries);
        // An empty feed still needs an updated date; the epoch says "nothing yet" without churning the ETag.
        feed.setUpdated(Date.from(last != null ? last : Instant.EPOCH));
        feed.setAlternateLinks(List.of(link("alternate", baseUrl + scope.pagePath(), "text/html")));
        feed.setOtherLinks(List.of(link("self", selfUrl, FeedFormat.ATOM.mediaType())));
        Person site = new Person();
        site.setName(siteName);
        site.setUri(baseUrl + "/");
        feed.setAuthors(List.<com.rometools.rome.feed.synd.SyndPerson>of(site));
        Generator generator = new Generator();
        generator.setValue(GENERATOR);
        feed.setGenerator(generator);
        feed.setEntries(entries.stream().map(this::atomEntry).toList());
        return feed;
    }

    private Entry atomEntry(FeedEntry e) {
        Article a = e.article();
        Entry entry = new Entry();
        entry.setId(tagUri(a));
        entry.setTitleEx(text(a.headline()));
        entry.setAlternateLinks(List.of(link("alternate", e.url(), "text/html")));
        if (e.enclosure() != null) {
            Link enclosure = link("enclosure", baseUrl + a.leadImage().url(), e.enclosure().mimeType());
            enclosure.setLength(e.enclosure().byteSize());
            entry.setOtherLinks(List.of(enclosure));
        }
        entry.setPublished(Date.from(a.publishedAt()));
        entry.setUpdated(Date.from(e.updated()));
        entry.setAuthors(a.bylines().stream().<com.rometools.rome.feed.synd.SyndPerson>map(this::person).toList());
        List<Category> categories = new ArrayList<>();
        categories.add(atomCategory(a.section().name(), baseUrl + "/"));
        for (Tag t : a.tags()) {
            categories.add(atomCategory(t.name(), baseUrl + "/tag/"));
        }
        entry.setCategories(categories);
        entry.setSummary(text(summary(a)));
        if (a.source().present()) {
            entry.setRights(XmlText.clean(rights(a)));
        }
        if (e.bodyHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(XmlText.clean(e.bodyHtml()));
            entry.setContents(List.of(content));
        }
        return entry;
    }

    /**
     * A permanent id that survives a move to another section or a corrected publication date, which would
     * change the permalink: {@code tag:host,creation-date:article:id} (RFC 4151).
     */
    String tagUri(Article a) {
        return "tag:" + tagAuthority + "," + a.createdAt().atZone(ZoneOffset.UTC).toLocalDate() + ":article:" + a.id();
    }

    private Person person(Author author) {
        Person p = new Person();
        p.setName(XmlText.clean(author.name()));
        p.setUri(baseUrl + author.url());
        return p;
    }

    private static Category atomCategory(String term, String scheme) {
        Category c = new Category();
        c.setTerm(XmlText.clean(term));
        c.setScheme(scheme);
        return c;
    }

    private static Link link(String rel, String href, String type) {
        Link l = new Link();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    private static Content text(String value) {
        Content c = new Content();
        c.setType(Content.TEXT);
        c.setValue(XmlText.clean(value));
        return c;
    }

    /** Credit and licence of a syndicated article, e.g. "Source: Wikinews (https://…), CC BY 2.5". */
    private static String rights(Article a) {
        String url = a.source().url() == null || a.source().url().isBlank() ? "" : " (" + a.source().url() + ")";
        String licence = a.source().licence() == null || a.source().licence().isBlank() ? "" : ", " + a.source().licence();
        return "Source: " + a.source().name() + url + licence;
    }

    private static String summary(Article a) {
        return Descriptions.of(a);
    }
}
