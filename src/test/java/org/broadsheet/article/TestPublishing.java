package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Publishing, editing and withdrawing articles in tests of other features, until the newsroom's write
 * side exists: a real insert or update followed by the change event the newsroom will fire.
 */
public final class TestPublishing {

    private final ArticleService articles;
    private final org.jdbi.v3.core.Jdbi jdbi;

    public TestPublishing(ArticleService articles, org.jdbi.v3.core.Jdbi jdbi) {
        this.articles = articles;
        this.jdbi = jdbi;
    }

    /** Publishes an article at {@code publishedAt} (in the future: embargoed) and tells the listeners. */
    public long publish(Section section, String headline, String standfirst, String body, List<String> tags, Instant publishedAt) {
        ArticleDraft draft = new ArticleDraft(section.id(), null, headline, standfirst, body, null, null, null, null,
                List.of("Test Reporter"), tags, null);
        long id = articles.importPublished(List.of(new ArticleService.ImportedArticle(draft, publishedAt))).get(0);
        articles.fire(new ArticleChange(id, ArticleChange.Kind.PUBLISHED, Set.of(section.id())));
        return id;
    }

    public void editHeadline(long id, String headline) {
        update(id, "UPDATE articles SET headline = :v, version = version + 1 WHERE id = :id", headline, ArticleChange.Kind.UPDATED);
    }

    public void unpublish(long id) {
        update(id, "UPDATE articles SET status = :v WHERE id = :id", ArticleStatus.UNPUBLISHED.code(), ArticleChange.Kind.WITHDRAWN);
    }

    private void update(long id, String sql, String value, ArticleChange.Kind kind) {
        jdbi.useHandle(h -> h.createUpdate(sql).bind("v", value).bind("id", id).execute());
        Article a = articles.findById(id).orElseThrow();
        articles.fire(new ArticleChange(id, kind, Set.of(a.section().id())));
    }
}
