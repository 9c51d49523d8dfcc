package org.broadsheet.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Layout;
import org.broadsheet.web.NavLink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comment pages, rendered by jte with typed models, are valid HTML (Nu Html Checker). */
@Tag("html-validation")
class CommentHtmlValidationTest {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.broadsheet.templates");
    private final DisplayTime when = DisplayTime.of(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private Layout layout(String title) {
        return new Layout("Broadsheet", title + " · Broadsheet", "", "http://localhost/comments/on/1", "/comments/on/1",
                List.of(new NavLink("News", "/news/")), "/assets/site.css", true, 2026);
    }

    private CommentView view(long id, Long parent, boolean held, boolean staff, List<CommentView> replies) {
        return new CommentView(id, parent, "Ann <b>", id % 2 == 0 ? "https://ann.example/" : "", staff, when,
                CommentText.paragraphs("Hello \"there\" & <i>you</i>\nsee https://example.org/x?a=1&b=2.\n\nSecond"),
                held, held ? null : "/comments/on/1?replyto=" + id + "#respond", replies);
    }

    private CommentsBlock block(boolean open, List<FieldError> errors) {
        List<CommentView> threads = List.of(view(1, null, false, false,
                List.of(view(2, 1L, false, true, List.of(view(3, 2L, true, false, List.of()))))), view(4, null, false, false, List.of()));
        CommentForms form = open ? new CommentForms(1, errors.isEmpty() ? null : 2L, errors.isEmpty() ? null : "Ann", "/news/a/#respond",
                "typed <text>", "Ann", "ann@", "", true, "1.2.sig", "key", errors) : null;
        return new CommentsBlock(1, "/news/2026/11/20/a/", 4, threads, 1, 3, open, form, "/assets/comments.js", "/assets/comments.css");
    }

    @Test
    void commentPagesAreValidHtml() throws Exception {
        List<String> problems = new ArrayList<>();
        check(problems, "comment/page.jte", new CommentsPage(layout("Comments"), "Headline", "/news/a/", block(true, List.of())));
        check(problems, "comment/page.jte", new CommentsPage(layout("Comments"), "Headline", "/news/a/", block(true, List.of(
                new FieldError("", CommentWriter.FLOOD), new FieldError("email", CommentValidator.BAD_EMAIL)))));
        check(problems, "comment/page.jte", new CommentsPage(layout("Comments"), "Headline", "/news/a/", block(false, List.of())));
        QueuePage.ArticleRef ref = new QueuePage.ArticleRef(1, "Headline", "/news/a/", "/newsroom/comments?status=pending&article=1");
        QueuePage.Item item = new QueuePage.Item(5, ref, "Ann", "ann@example.org", "https://ann.example/", "203.0.113.9", when,
                view(5, null, false, false, List.of()), CommentStatus.PENDING, false, 1L, "/newsroom/comments/5");
        check(problems, "comment/queue.jte", new QueuePage(layout("Comments"), CommentStatus.PENDING,
                List.of(new QueuePage.Tab("Pending", 1, "/newsroom/comments?status=pending", true),
                        new QueuePage.Tab("Approved", 0, "/newsroom/comments?status=approved", false)),
                ref, List.of(item), 2, true, "1 comment approved.", "/newsroom/comments", "/assets/comments.css", "csrf-token"));
        check(problems, "comment/edit.jte", new EditPage(layout("Edit comment"), item, "Ann", "", "Text", "",
                List.of(new FieldError("reply", CommentValidator.EMPTY_COMMENT)), 0, 14, false, "/assets/comments.css", "csrf-token"));
        check(problems, "comment/settings.jte", new SettingsPage(layout("Comment settings"),
                new SettingsPage.Values("HOLD_FIRST_TIME", "2", "viagra\n203.0.113.", true, "14"), "The link limit must be a whole number from 0 to 999.", true, "/assets/comments.css", null));
        assertThat(problems).isEmpty();
        List<String> guard = new ArrayList<>();
        validate(guard, "guard", "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></span></body></html>");
        assertThat(guard).as("the checker reports errors at all").isNotEmpty();
    }

    private void check(List<String> problems, String template, Object model) throws Exception {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        validate(problems, template, out.toString());
    }

    private void validate(List<String> problems, String template, String html) throws Exception {
        // The checker is only on this execution's runtime class path (it brings its own Jetty), so reflection.
        Class<?> type = Class.forName("nu.validator.client.EmbeddedValidator");
        Object validator = type.getConstructor().newInstance();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object json = Enum.valueOf((Class) Class.forName("nu.validator.client.EmbeddedValidator$OutputFormat"), "JSON");
        type.getMethod("setOutputFormat", json.getClass()).invoke(validator, json);
        String result = (String) type.getMethod("validate", java.io.InputStream.class)
                .invoke(validator, new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        for (JsonNode m : new ObjectMapper().readTree(result).path("messages")) {
            if ("error".equals(m.path("type").asText())) {
                problems.add(template + ": " + m.path("message").asText() + " — " + m.path("extract").asText());
            }
        }
    }
}
