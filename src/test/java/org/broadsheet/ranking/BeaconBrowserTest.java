package org.broadsheet.ranking;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.RankingSettings.ViewCounting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.ranking.RankingSite.CHROME;

/** In beacon mode a real browser reports the read it shows, once. */
class BeaconBrowserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @TempDir
    Path dir;

    @Test
    void aBrowserShowingTheArticleReportsOneRead() {
        try (RankingSite site = new RankingSite(dir, NOW, RankingSettings.DEFAULTS.withCounting(ViewCounting.BEACON));
             Playwright playwright = Playwright.create()) {
            ArticleSummary story = site.publish(NOW.minus(Duration.ofDays(1)), "Ferry service resumes").get(0);
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            Page page = browser.newContext(new Browser.NewContextOptions().setUserAgent(CHROME)).newPage();
            java.util.function.Predicate<com.microsoft.playwright.Response> beacon =
                    r -> r.url().endsWith("/views/" + story.id()) && r.status() == 204;
            page.waitForResponse(beacon, () -> page.navigate("http://localhost:" + site.app.port() + story.url()));
            page.waitForResponse(beacon, () -> page.reload());
            site.settle();
            assertThat(site.total(story)).isEqualTo(1);
            assertThat(site.top()).containsExactly("Ferry service resumes");
            browser.close();
        }
    }
}
