package org.broadsheet.newsroom;

import org.broadsheet.StaffClient;
import org.broadsheet.account.User;
import org.broadsheet.article.Correction;
import org.broadsheet.article.DeskAction;
import org.broadsheet.web.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or careless input to the editor: pasted control characters, a preview far over the save limits,
 * numbers that are not numbers. Each gets a 4xx with a plain message, never a 500, and never echoes the value.
 */
class EditorInputTest {

    @TempDir
    Path dir;
    NewsroomFixture f;
    StaffClient staff;
    User editor;

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir);
        editor = f.user("ed@example.com", Role.ADMIN);
        staff = f.signedIn(editor);
        staff.get("/newsroom/articles/new");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Map<String, String> form(String headline) {
        Map<String, String> m = f.form(headline);
        m.put("body", "First paragraph.\n\n\tIndented\r\nline.");
        return m;
    }

    private long create(String headline) {
        return f.create(staff, form(headline));
    }

    @Test
    void controlCharactersAreRefusedNextToEachField() {
        Map<String, String> m = form("Storm\u0000 closes the harbour");
        m.put("standfirst", "A vertical\u000btab.");
        m.put("body", "Text with a \u001b[31m terminal escape.");
        m.put("bylines", "Ann\u0085Writer");
        m.put("tags", "Bell\u0007");
        m.put("sourceName", "Wire\u0001");
        HttpResponse<String> r = staff.post("/newsroom/articles", m);
        assertThat(r.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#headline-error").text()).contains("The headline holds an invisible control character");
        assertThat(page.select(".field-error").eachText()).anyMatch(t -> t.startsWith("The standfirst holds"))
                .anyMatch(t -> t.startsWith("The text holds")).anyMatch(t -> t.startsWith("A byline holds"))
                .anyMatch(t -> t.startsWith("A tag holds")).anyMatch(t -> t.startsWith("The source holds"));
        int articles = f.app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one());
        assertThat(articles).isZero();
    }

    @Test
    void photoTextFieldsRefuseControlCharactersToo() {
        long id = create("Harbour photo");
        Map<String, String> m = form("Harbour photo");
        m.put("version", "1");
        m.put("leadCaption", "Dawn\u0000");
        m.put("leadCredit", "Jo\u009bLens");
        HttpResponse<String> r = staff.post("/newsroom/articles/" + id, m);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select(".field-error").eachText()).contains("The caption holds an invisible control character"
                + " (often pasted with the text); retype it or paste it as plain text.").anyMatch(t -> t.startsWith("The credit holds"));
    }

    @Test
    void tabsAndLineBreaksStayAllowedInTheText() {
        long id = create("Ordinary text");
        assertThat(f.app.articles().findById(id).orElseThrow().bodyMarkdown()).contains("\tIndented\nline.");
    }

    @Test
    void aCorrectionWithAControlCharacterIsRefused() {
        long id = create("Corrected story");
        var a = f.app.articles().findById(id).orElseThrow();
        f.app.newsroom().desk().transition(id, a.version(), DeskAction.PUBLISH, null, f.principal(editor));
        staff.get("/newsroom/articles/" + id);
        HttpResponse<String> r = staff.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "correction",
                "text", "We misspelled\u0000 the name."));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The note holds an invisible control character");
        assertThat(f.app.articles().corrections(id)).extracting(Correction::text).isEmpty();
    }

    @Test
    void thePreviewAppliesTheSaveLimits() {
        Map<String, String> m = form("Long read");
        m.put("body", "word ".repeat(320_000));
        HttpResponse<String> r = staff.post("/newsroom/preview", m);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("The preview was not made").contains("at most 200000 characters");
        Map<String, String> control = form("Bell\u0007 in the headline");
        assertThat(staff.post("/newsroom/preview", control).statusCode()).isEqualTo(422);
        assertThat(staff.post("/newsroom/preview", form("Fine")).statusCode()).isEqualTo(200);
    }

    @Test
    void numbersThatAreNotNumbersAreBadRequestsThatDoNotRepeatTheValue() {
        long id = create("Numbered");
        for (String path : new String[] {"/newsroom/articles/x9evil", "/newsroom/articles/99999999999999999999",
                "/newsroom/articles/-4", "/newsroom/articles/x9evil/revisions", "/newsroom/articles?section=x9evil",
                "/newsroom/articles?author=x9evil", "/newsroom/articles/" + id + "/revisions?to=x9evil",
                "/newsroom/articles/" + id + "/revisions?from=x9evil", "/newsroom/articles?page=x9evil",
                "/comments/on/x9evil", "/newsroom/comments/x9evil", "/newsroom/comments?article=x9evil",
                "/search?q=harbour&page=x9evil"}) {
            HttpResponse<String> r = staff.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            // the page's canonical link repeats the address; the message must not
            assertThat(Jsoup.parse(r.body()).select("main").text()).as(path).doesNotContain("x9evil").doesNotContain("99999999999999999999")
                    .isNotBlank();
        }
        for (String path : new String[] {"/newsroom/users/x9evil/role", "/newsroom/articles/x9evil/status",
                "/newsroom/articles/" + id + "/revisions/x9evil/restore"}) {
            HttpResponse<String> r = staff.post(path, Map.of("role", "editor", "version", "1", "action", "publish"));
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(Jsoup.parse(r.body()).select("main").text()).as(path).doesNotContain("x9evil");
        }
        Map<String, String> preview = form("Preview");
        preview.put("id", "x9evil");
        HttpResponse<String> r = staff.post("/newsroom/preview", preview);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The article number must be a positive whole number").doesNotContain("x9evil");
    }
}
