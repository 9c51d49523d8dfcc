package org.broadsheet.ranking;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.ranking.RankingSite.FIREFOX;

/**
 * The ranking blocks where the reference page puts them, in a real browser, on the demo content after
 * readers have read: Top 5 This Week beside the article (below it on phones), Popular Articles near
 * the footer, Top 5 and Trending on the home page. Screenshots go to target/screenshots.
 */
class RankingPlacementTest {

    private static final Path SHOTS = Paths.get("target", "screenshots");

    @TempDir
    static Path dir;
    private static RankingSite site;
    private static Playwright playwright;
    private static Browser browser;
    private static List<ArticleSummary> latest;

    @BeforeAll
    static void readSomeArticles() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(40));
        site = new RankingSite(dir, now, RankingSettings.DEFAULTS, true);
        latest = site.articles().latest(1, 8).items();
        // A steady favourite read yesterday and today (in the lists, not trending) and fresh reads today.
        readAt(now.minus(Duration.ofHours(20)), latest.get(5), 40);
        readAt(now.minus(Duration.ofMinutes(30)), latest.get(5), 12);
        int[] readers = {30, 24, 18, 14, 11};
        for (int i = 0; i < readers.length; i++) {
            readAt(now.minus(Duration.ofMinutes(10)), latest.get(i), readers[i]);
        }
        site.clock.set(now);
        site.settle();
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    private static void readAt(Instant when, ArticleSummary a, int readers) {
        site.clock.set(when);
        for (int i = 0; i < readers; i++) {
            site.get(a.url(), FIREFOX + " reader/" + i);
        }
        site.app.ranking().flushNow();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
        site.close();
    }

    private Page open(String path, int width) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)).newPage();
        page.navigate("http://localhost:" + site.app.port() + path);
        return page;
    }

    @Test
    void articlePageHasTopFiveBesideTheArticleAndPopularNearTheFooter() {
        Page page = open(latest.get(7).url(), 1366);
        Locator top = page.locator(".article-layout > aside.article-side section.ranked");
        assertThat(top.locator("h2").textContent()).isEqualTo("Top 5 This Week");
        assertThat(top.locator("li")).satisfies(l -> assertThat(l.count()).isEqualTo(5));
        assertThat(top.locator("li .headline").first().textContent()).isEqualTo(latest.get(5).headline());
        assertThat(top.locator("li").first().locator(".kicker").count()).isEqualTo(1);
        assertThat(top.locator("li").first().locator("time").count()).isEqualTo(1);
        var article = page.locator("article.article").boundingBox();
        var side = page.locator("aside.article-side").boundingBox();
        assertThat(side.x).as("beside the article on a desktop").isGreaterThan(article.x + article.width - 1);

        Locator popular = page.locator(".article-layout + section.ranked");
        assertThat(popular.locator("h2").textContent()).isEqualTo("Popular Articles");
        assertThat(popular.boundingBox().y).isGreaterThan(article.y + article.height - 1);
        assertThat(page.locator("footer.site-footer").boundingBox().y).isGreaterThan(popular.boundingBox().y);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("ranking-article-1366.png")).setFullPage(true));
    }

    @Test
    void onPhonesTopFiveComesBelowTheArticle() {
        Page page = open(latest.get(7).url(), 390);
        var article = page.locator("article.article").boundingBox();
        var top = page.locator("aside.article-side section.ranked").boundingBox();
        assertThat(top.y).isGreaterThan(article.y + article.height - 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("ranking-article-390.png")).setFullPage(true));
    }

    @Test
    void homePageHasTopFiveAndTrending() {
        for (int width : new int[]{1366, 390}) {
            Page page = open("/", width);
            Locator side = page.locator("aside.most-read");
            assertThat(side.locator("section.ranked h2").allTextContents()).containsExactly("Top 5 This Week", "Trending now");
            List<String> trending = side.locator("section.ranked").nth(1).locator("li .headline").allTextContents();
            assertThat(trending).contains(latest.get(0).headline()).doesNotContain(latest.get(5).headline());
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("ranking-home-" + width + ".png")).setFullPage(true));
        }
    }
}
