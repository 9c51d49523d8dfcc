package org.broadsheet.feed;

import org.broadsheet.article.ArticleService;
import org.broadsheet.web.AlternateLink;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Autodiscovery: which feeds a page's head announces. Section, tag and author pages announce their own
 * feeds; every other page the site's. Thread-safe.
 */
public final class FeedLinks {

    private static final Pattern LIST = Pattern.compile("^/(tag|author)/([^/]+)/$");

    private final ArticleService articles;
    private final String siteName;

    public FeedLinks(ArticleService articles, String siteName) {
        this.articles = articles;
        this.siteName = siteName;
    }

    /** The feeds of the page at {@code path} (without query string). */
    public List<AlternateLink> forPath(String path) {
        return scopeOf(path).map(s -> links(s.base(), s.title())).orElseGet(() -> links("/", siteName));
    }

    private record Scope(String base, String title) {
    }

    private Optional<Scope> scopeOf(String path) {
        if (path == null || "/".equals(path)) {
            return Optional.empty();
        }
        Matcher m = LIST.matcher(path);
        if (m.matches()) {
            return "tag".equals(m.group(1))
                    ? articles.tag(m.group(2)).map(t -> new Scope(t.url(), t.name() + " | " + siteName))
                    : articles.author(m.group(2)).map(a -> new Scope(a.url(), a.name() + " | " + siteName));
        }
        if (path.length() > 2 && path.endsWith("/")) {
            return articles.sections().byPath(path.substring(1, path.length() - 1))
                    .map(s -> new Scope(s.url(), s.name() + " | " + siteName));
        }
        return Optional.empty();
    }

    private static List<AlternateLink> links(String base, String title) {
        return List.of(new AlternateLink(FeedFormat.RSS.mediaType(), title + " (RSS)", base + FeedFormat.RSS.fileName()),
                new AlternateLink(FeedFormat.ATOM.mediaType(), title + " (Atom)", base + FeedFormat.ATOM.fileName()));
    }
}
