package org.broadsheet.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadsheet.article.Article;
import org.broadsheet.article.Author;
import org.broadsheet.article.Descriptions;
import org.broadsheet.article.LeadImage;
import org.broadsheet.article.Section;
import org.broadsheet.article.Tag;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Schema.org JSON-LD for article pages: a {@code NewsArticle} and a {@code BreadcrumbList}. Output is safe
 * to place inside {@code <script type="application/ld+json">}: {@code </} is written as {@code <\/} and
 * {@code <!--} as {@code \u003c!--}, so no text can end the script or open a comment. Thread-safe.
 */
public final class StructuredData {

    /** The publisher's logo, when the site has one (Google wants it; we never invent one). */
    public record Logo(String url, int width, int height) {
    }

    /** A published correction note, rendered as a {@code CorrectionComment}. */
    public record Correction(String text, Instant published) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String siteName;
    private final String baseUrl;
    private final Logo logo;

    /** @param logo the publisher's logo, or null when the site has none */
    public StructuredData(String siteName, String baseUrl, Logo logo) {
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.logo = logo;
    }

    /** The NewsArticle for an article at {@code canonicalUrl}, with its corrections (may be empty). */
    public String newsArticle(Article a, String canonicalUrl, List<Correction> corrections) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "NewsArticle");
        ObjectNode page = root.putObject("mainEntityOfPage");
        page.put("@type", "WebPage");
        page.put("@id", canonicalUrl);
        root.put("url", canonicalUrl);
        root.put("headline", a.headline());
        root.put("description", Descriptions.of(a));
        LeadImage image = a.leadImage();
        if (image != null) {
            ObjectNode img = root.putArray("image").addObject();
            img.put("@type", "ImageObject");
            img.put("url", baseUrl + image.url());
            img.put("width", image.width());
            img.put("height", image.height());
            if (image.caption() != null && !image.caption().isBlank()) {
                img.put("caption", image.caption());
            }
        }
        root.put("datePublished", iso(a.publishedAt()));
        root.put("dateModified", iso(a.wasUpdated() ? a.contentUpdatedAt() : a.publishedAt()));
        ArrayNode authors = root.putArray("author");
        for (Author author : a.bylines()) {
            ObjectNode person = authors.addObject();
            person.put("@type", "Person");
            person.put("name", author.name());
            person.put("url", baseUrl + author.url());
        }
        root.set("publisher", publisher());
        root.put("articleSection", a.section().name());
        if (!a.tags().isEmpty()) {
            root.put("keywords", String.join(", ", a.tags().stream().map(Tag::name).toList()));
        }
        root.put("isAccessibleForFree", true);
        if (!corrections.isEmpty()) {
            ArrayNode list = root.putArray("correction");
            for (Correction c : corrections) {
                ObjectNode comment = list.addObject();
                comment.put("@type", "CorrectionComment");
                comment.put("text", c.text());
                comment.put("datePublished", iso(c.published()));
            }
        }
        return write(root);
    }

    /** Home › Section › Subsection, for the article's section. */
    public String breadcrumbs(Section section, Section parent) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "BreadcrumbList");
        ArrayNode items = root.putArray("itemListElement");
        crumb(items, "Home", baseUrl + "/");
        if (parent != null) {
            crumb(items, parent.name(), baseUrl + parent.url());
        }
        crumb(items, section.name(), baseUrl + section.url());
        return write(root);
    }

    private ObjectNode publisher() {
        ObjectNode org = JSON.createObjectNode();
        org.put("@type", "Organization");
        org.put("name", siteName);
        org.put("url", baseUrl + "/");
        if (logo != null) {
            ObjectNode img = org.putObject("logo");
            img.put("@type", "ImageObject");
            img.put("url", logo.url());
            img.put("width", logo.width());
            img.put("height", logo.height());
        }
        return org;
    }

    private static void crumb(ArrayNode items, String name, String url) {
        ObjectNode item = items.addObject();
        item.put("@type", "ListItem");
        item.put("position", items.size());
        item.put("name", name);
        item.put("item", url);
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** JSON that cannot break out of a script element. */
    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).replace("</", "<\\/").replace("<!--", "\\u003c!--");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
