package org.broadsheet.newsroom;

import org.broadsheet.StaffClient;
import org.broadsheet.account.User;
import org.broadsheet.article.Article;
import org.broadsheet.article.DeskAction;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EditorHttpTest {

    @TempDir
    Path dir;
    NewsroomFixture f;
    User editor;
    StaffClient staff;

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir);
        editor = f.user("ed@example.com", Role.EDITOR);
        staff = f.signedIn(editor);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Map<String, String> form(String headline) {
        return f.form(headline);
    }

    private long create(String headline) {
        return f.create(staff, form(headline));
    }

    private Article article(long id) {
        return f.app.articles().findById(id).orElseThrow();
    }

    @Test
    void createsADraftWithSlugBylinesAndTags() {
        long id = create("Storm closes the harbour");
        Article a = article(id);
        assertThat(a.slug()).isEqualTo("storm-closes-the-harbour");
        assertThat(a.bylines()).extracting("name").containsExactly("Ann Writer", "Bob Reporter");
        assertThat(a.tags()).extracting("name").containsExactly("Harbour", "Weather");
        assertThat(a.status().code()).isEqualTo("draft");
        assertThat(staff.get("/newsroom/articles/" + id).body()).contains("Storm closes the harbour").contains("Publish now");
    }

    @Test
    void aFormWithProblemsComesBackAsTypedWithMessages() {
        Map<String, String> m = form("");
        m.put("standfirst", "Kept standfirst");
        m.put("slug", "Not A Slug");
        HttpResponse<String> r = staff.post("/newsroom/articles", m);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Write a headline.").contains("Kept standfirst").contains("Not A Slug")
                .contains("lower-case letters");
    }

    @Test
    void slugsAreUniqueAndOldAddressesRedirect() {
        long first = create("Council votes on budget");
        HttpResponse<String> clash = staff.post("/newsroom/articles", withSlug(form("Another story"), "council-votes-on-budget"));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("already uses the slug");
        publish(first);
        String oldUrl = f.app.articles().url(article(first));
        assertThat(staff.get(oldUrl).statusCode()).isEqualTo(200);
        Map<String, String> edit = withSlug(form("Council votes on budget"), "council-passes-budget");
        edit.put("version", String.valueOf(article(first).version()));
        assertThat(staff.post("/newsroom/articles/" + first, edit).statusCode()).isEqualTo(303);
        String newUrl = f.app.articles().url(article(first));
        HttpResponse<String> moved = staff.get(oldUrl);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(newUrl);
        assertThat(staff.get(newUrl).statusCode()).isEqualTo(200);
        HttpResponse<String> reuse = staff.post("/newsroom/articles", withSlug(form("Different"), "council-votes-on-budget"));
        assertThat(reuse.statusCode()).as("an old slug still redirects, so it is not free").isEqualTo(422);
    }

    @Test
    void movingAnArticleToAnotherSectionRedirectsItsOldAddress() {
        long id = create("Moved story");
        publish(id);
        String oldUrl = f.app.articles().url(article(id));
        var world = f.app.articles().createSection(null, "world", "World", "", 1);
        Map<String, String> edit = form("Moved story");
        edit.put("section", String.valueOf(world.id()));
        edit.put("version", String.valueOf(article(id).version()));
        assertThat(staff.post("/newsroom/articles/" + id, edit).statusCode()).isEqualTo(303);
        HttpResponse<String> moved = staff.get(oldUrl);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/world/2026/11/28/moved-story/");
    }

    private static Map<String, String> withSlug(Map<String, String> m, String slug) {
        m.put("slug", slug);
        return m;
    }

    private void publish(long id) {
        HttpResponse<String> r = staff.post("/newsroom/articles/" + id + "/status",
                Map.of("action", "publish", "version", String.valueOf(article(id).version())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    @Test
    void aStaleSaveIsRefusedAndNothingIsOverwritten() {
        long id = create("Two editors");
        String version = String.valueOf(article(id).version());
        Map<String, String> mine = form("Two editors, first save");
        mine.put("version", version);
        Map<String, String> theirs = form("Two editors, second save");
        theirs.put("version", version);
        assertThat(staff.post("/newsroom/articles/" + id, mine).statusCode()).isEqualTo(303);
        HttpResponse<String> stale = staff.post("/newsroom/articles/" + id, theirs);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else saved this article meanwhile").contains("ed")
                .contains("Two editors, second save");
        assertThat(article(id).headline()).isEqualTo("Two editors, first save");
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() {
        long id = create("Original headline");
        Map<String, String> edit = form("Changed headline");
        edit.put("body", "First paragraph.\n\nA brand new second paragraph.");
        edit.put("version", String.valueOf(article(id).version()));
        staff.post("/newsroom/articles/" + id, edit);
        HttpResponse<String> page = staff.get("/newsroom/articles/" + id + "/revisions");
        assertThat(page.body()).contains("Changes from version 1 to version 2").contains("Headline: Original headline")
                .contains("A brand new second paragraph.");
        var revisions = f.app.newsroom().desk().revisions(id, f.principal(editor));
        long original = revisions.get(revisions.size() - 1).id();
        HttpResponse<String> restore = staff.post("/newsroom/articles/" + id + "/revisions/" + original + "/restore",
                Map.of("version", String.valueOf(article(id).version())));
        assertThat(restore.statusCode()).isEqualTo(303);
        assertThat(article(id).headline()).isEqualTo("Original headline");
        assertThat(f.app.newsroom().desk().revisions(id, f.principal(editor))).hasSize(3);
    }

    @Test
    void correctionsShowOnThePublicPageInTheirOwnBlock() {
        long id = create("Mayor opens bridge");
        publish(id);
        String url = f.app.articles().url(article(id));
        assertThat(staff.get(url).body()).doesNotContain("Corrections and updates");
        HttpResponse<String> r = staff.post("/newsroom/articles/" + id + "/corrections",
                Map.of("kind", "correction", "text", "An earlier version misspelt the mayor's name."));
        assertThat(r.statusCode()).isEqualTo(303);
        staff.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "update", "text", "The bridge reopened at noon."));
        String pub = staff.get(url).body();
        assertThat(pub).contains("Corrections and updates").contains("<strong>Correction</strong>")
                .contains("misspelt the mayor").contains("<strong>Update</strong>");
        assertThat(pub).doesNotContain("class=\"updated\"");
    }

    @Test
    void editingPublishedTextShowsUpdatedOnThePublicPage() {
        long id = create("Rates unchanged");
        publish(id);
        f.clock.advance(Duration.ofHours(2));
        Map<String, String> edit = form("Rates unchanged");
        edit.put("body", "First paragraph.\n\nNow with the governor's comments.");
        edit.put("version", String.valueOf(article(id).version()));
        staff.post("/newsroom/articles/" + id, edit);
        assertThat(staff.get(f.app.articles().url(article(id))).body()).contains("class=\"updated\"");
    }

    @Test
    void previewUsesThePublicTemplateAndIsNeverIndexedOrCached() {
        Map<String, String> m = form("Preview me");
        m.put("body", "Paragraph for **preview**.");
        HttpResponse<String> r = staff.post("/newsroom/preview", m);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1 id=\"headline\">Preview me</h1>").contains("<strong>preview</strong>")
                .contains("class=\"article-layout\"").contains("noindex");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        assertThat(f.app.articles().isEmpty()).isTrue();
    }

    @Test
    void theListFiltersByStatusSectionAuthorAndHeadline() {
        long a = create("Floods in the north");
        create("Elections in the south");
        publish(a);
        assertThat(staff.get("/newsroom/articles?status=published").body()).contains("Floods in the north")
                .doesNotContain("Elections in the south");
        assertThat(staff.get("/newsroom/articles?q=ELECTIONS").body()).contains("Elections in the south")
                .doesNotContain("Floods in the north");
        long author = f.app.articles().author("bob-reporter").orElseThrow().id();
        assertThat(staff.get("/newsroom/articles?author=" + author + "&section=" + f.news.id()).body())
                .contains("Floods in the north").contains("Elections in the south");
        assertThat(staff.get("/newsroom/articles?q=%25").body()).contains("No articles match.");
    }

    @Test
    void statusStepsThatDoNotApplyAreExplained() {
        long id = create("Too early");
        HttpResponse<String> past = staff.post("/newsroom/articles/" + id + "/status",
                Map.of("action", "schedule", "at", "2020-01-01T10:00", "version", String.valueOf(article(id).version())));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("Choose a time in the future");
        HttpResponse<String> unpublish = staff.post("/newsroom/articles/" + id + "/status",
                Map.of("action", "unpublish", "version", String.valueOf(article(id).version())));
        assertThat(unpublish.statusCode()).isEqualTo(400);
        assertThat(f.app.newsroom().desk().transition(id, article(id).version(), DeskAction.SUBMIT, null, f.principal(editor))
                .status().code()).isEqualTo("in_review");
    }

    @Test
    void dashboardCountsAndShowsActivity() {
        long id = create("Busy day");
        publish(id);
        String body = staff.get("/newsroom").body();
        assertThat(body).contains("<strong>1</strong> Published").contains("Busy day").contains("Published by ed");
    }
}
