package org.broadsheet.comment;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's form over HTTP on the real server: open by default, the closing rule on the settings screen, the
 * messages, the address after a refusal, held comments, and the size cap on what is read and echoed.
 */
class CommentFormFlowTest {

    @TempDir
    Path dir;
    CommentFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private void start() {
        CommentSettings defaults = CommentSettings.defaults();
        f = new CommentFixture(dir, defaults.withTiming(defaults.floodInterval(), Duration.ZERO, defaults.closeAfterDays()));
    }

    private Map<String, String> settings(String closeOld, String days) {
        Map<String, String> form = new HashMap<>(Map.of("policy", "HOLD_FIRST_TIME", "maxLinks", "2", "blocklist", "", "closeDays", days));
        if (closeOld != null) {
            form.put("closeOld", closeOld);
        }
        return form;
    }

    @Test
    void commentsStayOpenByDefaultAndEditorsMayCloseOldArticlesOnTheSettingsScreen() {
        assertThat(CommentSettings.defaults().closeAfterDays()).isZero();
        assertThat(CommentSettings.fromEnvironment(Map.of("BROADSHEET_COMMENTS_CLOSE_AFTER_DAYS", "14")).closeAfterDays()).isEqualTo(14);
        start();
        long old = f.article("Old news", f.clock.instant().minus(Duration.ofDays(700)));
        long fresh = f.article("Fresh news");
        assertThat(f.page(f.articleUrl(old)).select("#commentform")).hasSize(1);
        Document screen = f.staffPage("/newsroom/comment-settings");
        assertThat(screen.selectFirst("#closeOld").hasAttr("checked")).isFalse();
        assertThat(screen.selectFirst("#closeDays").val()).isEqualTo("14");

        HttpResponse<String> bad = f.staffPost("/newsroom/comment-settings", settings("1", "0"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select(".error-summary").text()).contains("from 1 to 36500");
        assertThat(f.staffPost("/newsroom/comment-settings", settings("1", "30")).statusCode()).isEqualTo(303);
        assertThat(f.staffPage("/newsroom/comment-settings").selectFirst("#closeOld").hasAttr("checked")).isTrue();
        assertThat(f.page(f.articleUrl(old)).selectFirst(".comments-closed").text()).as("the cached page was dropped")
                .isEqualTo("Comments are closed.");
        assertThat(f.page(f.articleUrl(fresh)).select("#commentform")).hasSize(1);

        assertThat(f.staffPost("/newsroom/comment-settings", settings(null, "30")).statusCode()).isEqualTo(303);
        assertThat(f.page(f.articleUrl(old)).select("#commentform")).hasSize(1);
    }

    @Test
    void anEmptyEmailIsAskedForAndAWrongOneIsCalledIncorrect() {
        start();
        long a = f.article("Email");
        Document empty = Jsoup.parse(f.post(f.form(a, "Hello", "Ann", "")).body());
        assertThat(empty.select("#email-error").text()).isEqualTo("Please enter your email address");
        assertThat(empty.selectFirst("#email").attr("data-missing")).isEqualTo("Please enter your email address");
        Document wrong = Jsoup.parse(f.post(f.form(a, "Hello", "Ann", "ann@")).body());
        assertThat(wrong.select("#email-error").text()).isEqualTo(CommentValidator.BAD_EMAIL);
    }

    @Test
    void theFormPostsToItsCommentsPageSoTheAddressAfterARefusalAnswersAReload() {
        start();
        long a = f.article("Reload");
        long other = f.article("Another");
        assertThat(f.page(f.articleUrl(a)).selectFirst("#commentform").attr("action")).isEqualTo("/comments/on/" + a);

        HttpResponse<String> refused = f.postRaw("/comments/on/" + a, CommentFixture.encode(f.form(a, "Hi", "", "b@example.org")), f.base());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("#author-error").text()).isEqualTo(CommentValidator.EMPTY_NAME);
        HttpResponse<String> reloaded = f.get("/comments/on/" + a);
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(reloaded.body()).select("#commentform")).hasSize(1);

        assertThat(f.postRaw("/comments/on/" + other, CommentFixture.encode(f.form(a, "Hi", "B", "b@example.org")), f.base())
                .statusCode()).isEqualTo(400);
        HttpResponse<String> back = f.get("/comments?article=" + a);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue(f.articleUrl(a) + "#respond");
        assertThat(f.get("/comments").headers().firstValue("Location")).hasValue("/");
        assertThat(f.get("/comments?article=nonsense").headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void aHeldCommentOffersNoReplyLink() {
        start();
        long a = f.article("Held");
        Map<String, String> form = f.form(a, "Wait for me", "Hal", "hal@example.org");
        form.put("js", "1");
        HttpResponse<String> posted = f.post(form);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String token = location.substring(location.indexOf("held=") + 5, location.indexOf('#'));
        Document fragment = Jsoup.parse(f.get("/comments/held?t=" + token).body());
        assertThat(fragment.select(".awaiting")).hasSize(1);
        assertThat(fragment.select(".reply-link")).isEmpty();
        Document page = f.page("/comments/on/" + a + "?held=" + token);
        assertThat(page.select(".comment-held .awaiting")).hasSize(1);
        assertThat(page.select(".comment-held .reply-link")).isEmpty();
    }

    @Test
    void aBodyBeyondTheCapIsRefusedBeforeItIsReadWithTheMessageNextToTheField() {
        start();
        long a = f.article("Huge");
        String huge = CommentFixture.encode(f.form(a, "x".repeat(CommentBody.MAX_BYTES), "Ann", "ann@example.org"));

        HttpResponse<String> declared = f.postRaw("/comments/on/" + a, huge, f.base());
        assertThat(declared.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(declared.body());
        assertThat(page.select("#comment-error").text()).isEqualTo(CommentBody.TOO_LONG);
        assertThat(page.selectFirst("#comment").wholeText()).isEmpty();
        assertThat(declared.body().length()).isLessThan(100_000);

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/comments/on/" + a))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", f.base())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
        assertThat(chunked.statusCode()).as("counted, no Content-Length").isEqualTo(413);
        assertThat(Jsoup.parse(chunked.body()).select("#comment-error").text()).isEqualTo(CommentBody.TOO_LONG);

        HttpResponse<String> oldAddress = f.postRaw("/comments", huge, f.base());
        assertThat(oldAddress.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(oldAddress.body()).text()).contains(CommentBody.TOO_LONG);
    }

    @Test
    void aRefusedFormNeverEchoesMoreThanTheFieldsLimits() {
        start();
        long a = f.article("Long");
        Map<String, String> form = f.form(a, "y".repeat(150_000), "n".repeat(20_000), "e".repeat(5_000) + "@x.org");
        form.put("url", "https://example.org/" + "p".repeat(20_000));
        HttpResponse<String> r = f.post(form);
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#comment-error").text()).contains("and it has 150,000");
        assertThat(page.selectFirst("#comment").wholeText()).hasSize(CommentValidator.MAX_COMMENT_BYTES);
        assertThat(page.selectFirst("#author").val()).hasSize(CommentValidator.MAX_NAME_CHARS);
        assertThat(page.selectFirst("#email").val()).hasSize(CommentValidator.MAX_EMAIL_CHARS);
        assertThat(page.selectFirst("#url").val()).hasSize(CommentValidator.MAX_WEBSITE_CHARS);
        assertThat(CommentValidator.clipBytes("é".repeat(10), 5)).isEqualTo("éé");
    }
}
