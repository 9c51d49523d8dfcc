package org.broadsheet.demo;

import org.broadsheet.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer meets on a fresh demo site, over HTTP against the real server: the site says it is ready only
 * once search answers, and then every one of the 293 demo articles, on its first view, shows a comment form and
 * related posts, with neither transcript markers in its text nor a date for a standfirst.
 */
class DemoFirstMinuteTest {

    private static final Pattern DATE = Pattern.compile(
            "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \\d{1,2}, \\d{4}");
    /** "((WN))", "((Zara Kay))", "((es))": wiki markup; a podcast called "(((My Fellow Americans)))" is a name, not markup. */
    private static final Pattern MARKER = Pattern.compile("(?<!\\()\\(\\([^()]+\\)\\)(?!\\))");

    @TempDir
    static Path dir;
    static TestApp site;
    static final List<String> readinessAnswers = new ArrayList<>();

    @BeforeAll
    static void startFresh() {
        site = TestApp.in(dir).withDemo().start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> r = site.get("/readyz");
            readinessAnswers.add(r.statusCode() + " " + r.body());
            if (r.statusCode() == 200) {
                break;
            }
            assertThat(System.nanoTime()).as("ready within a minute").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void readinessWaitsForSearchAndSearchNeverAnswers503OnceReady() {
        assertThat(readinessAnswers).allMatch(a -> a.equals("200 ready") || a.startsWith("503 starting: "));
        assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
        for (String q : List.of("election", "coronavirus", "football", "space")) {
            HttpResponse<String> search = site.get("/search?q=" + q);
            assertThat(search.statusCode()).as(q).isEqualTo(200);
            assertThat(site.parse(search).select(".search-results h2 a")).as(q).isNotEmpty();
        }
    }

    @Test
    void everyDemoArticleShowsACommentFormRelatedPostsCleanTextAndARealStandfirstOnItsFirstView() {
        List<Long> ids = site.articles().publishedIds();
        assertThat(ids).hasSize(293);
        List<String> problems = new ArrayList<>();
        for (long id : ids) {
            String url = site.articles().url(site.articles().findById(id).orElseThrow());
            HttpResponse<String> r = site.get(url);
            Document page = site.parse(r);
            String standfirst = page.select(".standfirst").text();
            String body = page.select(".body").text();
            if (r.statusCode() != 200) {
                problems.add(url + ": status " + r.statusCode());
            }
            if (page.selectFirst("#commentform") == null || !page.select(".comments-closed").isEmpty()) {
                problems.add(url + ": no comment form");
            }
            if (page.select("[aria-labelledby=related-heading] a.headline").isEmpty()) {
                problems.add(url + ": no related posts");
            }
            if (MARKER.matcher(body).find() || MARKER.matcher(standfirst).find()) {
                problems.add(url + ": markup left in the text");
            }
            if (standfirst.isBlank() || DATE.matcher(standfirst).lookingAt()) {
                problems.add(url + ": standfirst '" + standfirst + "'");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anInterviewNamesItsSpeakersInBold() {
        long id = site.articles().publishedIds().stream().map(i -> site.articles().findById(i).orElseThrow())
                .filter(a -> a.headline().startsWith("Zara Kay tells Wikinews")).findFirst().orElseThrow().id();
        Document page = site.parse(site.get(site.articles().url(site.articles().findById(id).orElseThrow())));
        assertThat(page.select(".body p > strong").eachText()).contains("Wikinews:", "Zara Kay:");
    }
}
