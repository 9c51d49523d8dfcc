package org.broadsheet.newsroom;

import org.broadsheet.account.User;
import org.broadsheet.article.ArticleChange;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.DeskAction;
import org.broadsheet.article.Scheduler;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embargoed articles stay invisible until their time and go out exactly once, whatever the clock does.
 * The background scheduler runs too (every second, on the same mutable clock); the assertions hold
 * whichever of the two publishes first.
 */
class SchedulerTest {

    @TempDir
    Path dir;
    NewsroomFixture f;
    Principal editor;
    final List<ArticleChange> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir);
        User u = f.user("ed@example.com", Role.EDITOR);
        editor = f.principal(u);
        listen();
    }

    private void listen() {
        f.app.articles().addListener(c -> {
            if (c.kind() == ArticleChange.Kind.PUBLISHED) {
                published.add(c);
            }
        });
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private long schedule(String headline, Instant at) {
        ArticleDesk desk = f.app.newsroom().desk();
        long id = desk.create(f.draft(headline), editor);
        desk.transition(id, 1, DeskAction.SCHEDULE, at, editor);
        return id;
    }

    private boolean visible(long id) {
        var a = f.app.articles().findById(id).orElseThrow();
        return f.app.articles().findPublished(a.slug()).isPresent()
                && f.app.articles().latest(1, 50).items().stream().anyMatch(s -> s.id() == id);
    }

    private int publishedOnSchedule(long id) {
        return (int) f.app.newsroom().desk().revisions(id, editor).stream().filter(r -> r.note().equals("Published on schedule")).count();
    }

    @Test
    void anEmbargoedArticleAppearsAtItsTimeAndNotASecondEarlier() {
        Instant at = NewsroomFixture.START.plus(Duration.ofHours(1));
        long id = schedule("Embargoed results", at);
        Scheduler scheduler = f.app.newsroom().scheduler();
        f.clock.set(at.minusSeconds(1));
        assertThat(scheduler.runOnce()).isEmpty();
        assertThat(visible(id)).isFalse();
        var staff = f.staff();
        assertThat(staff.get("/news/2026/11/28/embargoed-results/").statusCode()).isEqualTo(404);
        f.clock.set(at);
        scheduler.runOnce();
        assertThat(visible(id)).isTrue();
        assertThat(staff.get("/news/2026/11/28/embargoed-results/").statusCode()).isEqualTo(200);
        assertThat(scheduler.runOnce()).isEmpty();
        assertThat(published).extracting(ArticleChange::articleId).containsExactly(id);
        assertThat(publishedOnSchedule(id)).isEqualTo(1);
    }

    @Test
    void aJumpForwardPastSeveralTimesPublishesEachOnce() {
        long a = schedule("First embargo", NewsroomFixture.START.plus(Duration.ofHours(1)));
        long b = schedule("Second embargo", NewsroomFixture.START.plus(Duration.ofHours(5)));
        f.clock.advance(Duration.ofDays(2));
        Scheduler scheduler = f.app.newsroom().scheduler();
        scheduler.runOnce();
        scheduler.runOnce();
        assertThat(visible(a)).isTrue();
        assertThat(visible(b)).isTrue();
        assertThat(published).extracting(ArticleChange::articleId).containsExactlyInAnyOrder(a, b);
        assertThat(publishedOnSchedule(a)).isEqualTo(1);
        assertThat(publishedOnSchedule(b)).isEqualTo(1);
    }

    @Test
    void aJumpBackwardPublishesNothing() {
        long id = schedule("Not yet", NewsroomFixture.START.plus(Duration.ofHours(3)));
        f.clock.set(NewsroomFixture.START.minus(Duration.ofDays(1)));
        assertThat(f.app.newsroom().scheduler().runOnce()).isEmpty();
        assertThat(visible(id)).isFalse();
        assertThat(published).isEmpty();
    }

    @Test
    void aRestartAfterTheTimePublishesExactlyOnce() {
        Instant at = NewsroomFixture.START.plus(Duration.ofMinutes(30));
        long id = schedule("Across a restart", at);
        f.app.close();
        f.clock.set(at.plus(Duration.ofHours(1)));
        f.start();
        listen();
        f.app.newsroom().scheduler().runOnce();
        f.restart();
        f.app.newsroom().scheduler().runOnce();
        assertThat(visible(id)).isTrue();
        assertThat(publishedOnSchedule(id)).isEqualTo(1);
    }

    @Test
    void scheduledArticlesAreInvisibleInEveryPublicList() {
        long id = schedule("Hidden for now", NewsroomFixture.START.plus(Duration.ofHours(1)));
        assertThat(f.app.articles().latest(1, 50).items()).isEmpty();
        assertThat(f.app.articles().inSection(f.news, 1, 50).items()).isEmpty();
        assertThat(f.app.articles().publishedSummaries(List.of(id))).isEmpty();
        assertThat(f.app.articles().withTag(f.app.articles().tag("tests").orElseThrow(), 1, 50).items()).isEmpty();
        assertThat(f.staff().get("/").body()).doesNotContain("Hidden for now");
    }
}
