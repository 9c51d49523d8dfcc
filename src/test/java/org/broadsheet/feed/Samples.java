package org.broadsheet.feed;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Author;
import org.broadsheet.article.LeadImage;
import org.broadsheet.article.Section;
import org.broadsheet.article.Source;
import org.broadsheet.article.Tag;

import java.time.Instant;
import java.util.List;

/** Article records built in memory, for tests of pure builders. */
final class Samples {

    static final Section NEWS = new Section(1, null, "news", "news", "News", "", 1);
    static final Section SCIENCE = new Section(2, 1L, "science", "news/science", "Science", "", 1);
    static final Instant PUBLISHED = Instant.parse("2026-11-20T10:00:00Z");

    private Samples() {
    }

    static Article article(String headline, LeadImage image, Instant contentUpdated) {
        return new Article(7, SCIENCE, "comet-seen", headline, "A bright comet was seen.", "Body", "<p>Body</p>", image,
                List.of(new Author(1, "ada-lovelace", "Ada Lovelace", ""), new Author(2, "alan-turing", "Alan Turing", "")),
                List.of(new Tag(1, "space", "Space"), new Tag(2, "comets", "Comets")), ArticleStatus.PUBLISHED,
                PUBLISHED.minusSeconds(3600), PUBLISHED, contentUpdated == null ? PUBLISHED : contentUpdated, contentUpdated,
                Source.NONE, 1);
    }

    static LeadImage image() {
        return new LeadImage(3, "abc.jpg", 1200, 800, "The comet over Oslo", "The comet on Tuesday", "Photo: Ada");
    }
}
