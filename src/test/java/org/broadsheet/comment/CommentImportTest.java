package org.broadsheet.comment;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.Section;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk import seam on a migrated SQLite file: threads, original times, and what it refuses. */
class CommentImportTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private CommentImport comments;
    private CommentRepository repository;
    private long article;
    private long otherArticle;

    @BeforeEach
    void openStoreWithTwoArticles() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("broadsheet.db"));
        ArticleService articles = new ArticleService(database.jdbi(), ArticleService.sectionDirectory(database.jdbi()),
                new ArticleUrls(ZoneOffset.UTC), new MutableClock(NOW));
        Section news = articles.createSection(null, "news", "News", "", 1);
        List<Long> ids = articles.importPublished(List.of(published(news, "First story"), published(news, "Second story")));
        article = ids.get(0);
        otherArticle = ids.get(1);
        comments = new CommentImport(database.jdbi());
        repository = new CommentRepository(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static ArticleService.ImportedArticle published(Section section, String headline) {
        return new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null, headline, "What happened.",
                "Paragraph.", null, null, null, null, List.of("A Reporter"), List.of(), null), NOW.minus(Duration.ofDays(2)));
    }

    private CommentImport.Imported comment(long articleId, int replyTo, String email, Instant at) {
        return new CommentImport.Imported(articleId, replyTo, "Ann Lee", email, "Said at " + at, at);
    }

    @Test
    void repliesNestInTheirThreadAndEveryCommentKeepsItsTime() {
        Instant t = NOW.minus(Duration.ofDays(1));
        List<Long> ids = comments.importApproved(List.of(comment(article, -1, "ann@example.org", t),
                comment(article, 0, "ben@example.org", t.plusSeconds(60)),
                comment(article, 1, "ann@example.org", t.plusSeconds(120))));

        Comment top = repository.find(ids.get(0)).orElseThrow();
        Comment reply = repository.find(ids.get(1)).orElseThrow();
        Comment answer = repository.find(ids.get(2)).orElseThrow();
        assertThat(List.of(top.status(), reply.status(), answer.status())).containsOnly(CommentStatus.APPROVED);
        assertThat(top.parentId()).isNull();
        assertThat(reply.parentId()).isEqualTo(top.id());
        assertThat(answer.parentId()).isEqualTo(reply.id());
        assertThat(answer.rootId()).isEqualTo(top.id());
        assertThat(answer.depth()).isEqualTo(2);
        assertThat(answer.createdAt()).isEqualTo(t.plusSeconds(120));
        assertThat(repository.approvedCounts(List.of(article))).containsEntry(article, 3);
    }

    @Test
    void aReplyMustAnswerAnEarlierCommentOnTheSameArticle() {
        Instant t = NOW.minus(Duration.ofHours(3));
        assertThatThrownBy(() -> comments.importApproved(List.of(comment(article, 1, "ann@example.org", t),
                comment(article, -1, "ben@example.org", t)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> comments.importApproved(List.of(comment(article, -1, "ann@example.org", t),
                comment(otherArticle, 0, "ben@example.org", t)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.approvedCounts(List.of(article, otherArticle))).isEmpty();
    }

    @Test
    void fieldsAReaderCouldNotSendAreRefusedAndNothingOfTheBatchIsStored() {
        Instant t = NOW.minus(Duration.ofHours(3));
        assertThatThrownBy(() -> comments.importApproved(List.of(comment(article, -1, "ann@example.org", t),
                comment(article, -1, "not an address", t))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CommentValidator.BAD_EMAIL);
        assertThat(repository.approvedCounts(List.of(article))).isEmpty();
    }
}
