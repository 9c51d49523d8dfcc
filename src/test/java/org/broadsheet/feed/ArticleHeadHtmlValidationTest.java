package org.broadsheet.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticlePage;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleService.ImportedArticle;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.Section;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.AlternateLink;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Templates;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article page with its sharing tags, JSON-LD and feed links is valid HTML by the Nu checker. Runs in
 * the {@code html-validation} execution, without Javalin: the page is rendered by jte from real records.
 */
@Tag("html-validation")
class ArticleHeadHtmlValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theArticlePageWithItsHeadIsValidHtml(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("media"));
        MutableClock clock = new MutableClock(FeedFixture.NOW);
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            ArticleService articles = new ArticleService(db.jdbi(), ArticleService.sectionDirectory(db.jdbi()),
                    new ArticleUrls(ZoneOffset.UTC), clock);
            Section news = articles.createSection(null, "news", "News", "", 1);
            Section science = articles.createSection(news, "science", "Science", "", 1);
            long photo = new MediaLibrary(db.jdbi(), dir.resolve("media"), clock).store(TestImages.png(40, 30)).id();
            long id = articles.importPublished(List.of(new ImportedArticle(new ArticleDraft(science.id(), null,
                    "Comet \"seen\" </script> & <b>more</b>", "A standfirst with <tags> & quotes \".", "Body **text**.", photo,
                    "The comet", "Caption", "Credit", List.of("Ada Lovelace", "Alan Turing"), List.of("Space", "Comets"), null),
                    FeedFixture.NOW.minusSeconds(60)))).get(0);
            Article article = articles.findById(id).orElseThrow();

            ShareTags share = new ShareTags(articles, new Templates(),
                    new StructuredData("Broadsheet", "https://news.example", null), "Broadsheet", "https://news.example");
            String url = "https://news.example" + articles.url(article);
            Layout layout = new Layout("Broadsheet", article.headline(), article.standfirst(), url, articles.url(article),
                    List.of(), "/assets/site.css", false, 2026,
                    List.of(new AlternateLink("application/rss+xml", "Broadsheet (RSS)", "/feed.xml"),
                            new AlternateLink("application/atom+xml", "Broadsheet (Atom)", "/atom.xml")));
            DisplayTime when = DisplayTime.of(article.publishedAt(), ZoneOffset.UTC);
            ArticlePage page = new ArticlePage(layout, article, news, when, null, List.of(), List.of(), List.of(),
                    output -> { }, output -> { }, List.of(), share.render(article, List.of()));
            String html = new String(new Templates().render("article/article.jte", page),
                    java.nio.charset.StandardCharsets.UTF_8);

            assertThat(html).contains("<script type=\"application/ld+json\">").contains("property=\"og:title\"");
            JsonNode messages = JSON.readTree(nuValidate(html)).path("messages");
            List<String> problems = new java.util.ArrayList<>();
            messages.forEach(m -> {
                if ("error".equals(m.path("type").asText()) || "warning".equals(m.path("subType").asText())) {
                    problems.add(m.path("message").asText() + " @" + m.path("lastLine").asInt() + ": " + m.path("extract").asText());
                }
            });
            assertThat(problems).isEmpty();
        }
    }

    /**
     * The Nu checker's JSON report. The checker is only on this execution's run-time class path (it brings a
     * Jetty that clashes with Javalin's), so it is reached by reflection rather than compiled against.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String nuValidate(String html) throws Exception {
        Class<?> type = Class.forName("nu.validator.client.EmbeddedValidator");
        Object validator = type.getConstructor().newInstance();
        Class<Enum> format = (Class<Enum>) Class.forName("nu.validator.client.EmbeddedValidator$OutputFormat");
        type.getMethod("setOutputFormat", format).invoke(validator, Enum.valueOf(format, "JSON"));
        return (String) type.getMethod("validate", java.io.InputStream.class)
                .invoke(validator, new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
