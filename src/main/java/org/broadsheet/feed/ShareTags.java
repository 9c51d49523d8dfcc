package org.broadsheet.feed;

import gg.jte.Content;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleHead;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Author;
import org.broadsheet.article.Correction;
import org.broadsheet.article.Descriptions;
import org.broadsheet.article.LeadImage;
import org.broadsheet.article.Tag;
import org.broadsheet.feed.SharePage.MetaTag;
import org.broadsheet.web.Templates;

import java.util.ArrayList;
import java.util.List;

/**
 * The article page's head for machines: NewsArticle and BreadcrumbList JSON-LD, OpenGraph and Twitter card
 * tags. Wired into the article page as its {@link ArticleHead}. Thread-safe.
 */
public final class ShareTags implements ArticleHead {

    private final ArticleService articles;
    private final Templates templates;
    private final StructuredData structured;
    private final String siteName;
    private final String baseUrl;

    public ShareTags(ArticleService articles, Templates templates, StructuredData structured, String siteName, String baseUrl) {
        this.articles = articles;
        this.templates = templates;
        this.structured = structured;
        this.siteName = siteName;
        this.baseUrl = baseUrl;
    }

    @Override
    public Content render(Article article, List<Correction> corrections) {
        return templates.part("feed/share.jte", page(article, corrections));
    }

    SharePage page(Article a, List<Correction> corrections) {
        String url = baseUrl + articles.url(a);
        String description = Descriptions.of(a);
        LeadImage image = a.leadImage();
        List<MetaTag> meta = new ArrayList<>();
        og(meta, "og:type", "article");
        og(meta, "og:title", a.headline());
        og(meta, "og:description", description);
        og(meta, "og:url", url);
        og(meta, "og:site_name", siteName);
        og(meta, "og:locale", "en_GB");
        if (image != null) {
            og(meta, "og:image", baseUrl + image.url());
            og(meta, "og:image:width", Integer.toString(image.width()));
            og(meta, "og:image:height", Integer.toString(image.height()));
            if (!image.alt().isBlank()) {
                og(meta, "og:image:alt", image.alt());
            }
        }
        og(meta, "article:published_time", StructuredData.iso(a.publishedAt()));
        og(meta, "article:modified_time", StructuredData.iso(a.wasUpdated() ? a.contentUpdatedAt() : a.publishedAt()));
        og(meta, "article:section", a.section().name());
        for (Author author : a.bylines()) {
            og(meta, "article:author", baseUrl + author.url());
        }
        for (Tag tag : a.tags()) {
            og(meta, "article:tag", tag.name());
        }
        twitter(meta, "twitter:card", image != null ? "summary_large_image" : "summary");
        twitter(meta, "twitter:title", a.headline());
        twitter(meta, "twitter:description", description);
        if (image != null) {
            twitter(meta, "twitter:image", baseUrl + image.url());
            if (!image.alt().isBlank()) {
                twitter(meta, "twitter:image:alt", image.alt());
            }
        }
        List<String> jsonLd = List.of(structured.newsArticle(a, url, corrections.stream()
                        .map(c -> new StructuredData.Correction(c.kind().label() + ": " + c.text(),
                                java.time.OffsetDateTime.parse(c.time().iso()).toInstant())).toList()),
                structured.breadcrumbs(a.section(), articles.sections().parent(a.section()).orElse(null)));
        return new SharePage(meta, jsonLd);
    }

    private static void og(List<MetaTag> meta, String key, String content) {
        meta.add(new MetaTag(true, key, content));
    }

    private static void twitter(List<MetaTag> meta, String key, String content) {
        meta.add(new MetaTag(false, key, content));
    }
}
