package org.broadsheet.search;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page and the header box in a real browser, on a desktop and a phone: searching from the
 * header lands on highlighted results, nothing overflows sideways. Screenshots go to target/screenshots.
 */
class SearchPageInBrowserTest {

    @TempDir
    static Path dir;
    static SearchFixture site;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() {
        site = SearchFixture.start(dir, true);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
        site.close();
    }

    @ParameterizedTest
    @CsvSource({"desktop,1366,900", "phone,390,844"})
    void searchingFromTheHeaderShowsHighlightedResults(String name, int width, int height) {
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + site.app.port() + "/");
            page.fill("#site-search-q", "earthquake");
            page.press("#site-search-q", "Enter");
            page.waitForURL("**/search?q=earthquake");
            assertThat(page.locator(".search-results li").count()).isGreaterThan(0);
            assertThat(page.locator(".search-results mark").count()).isGreaterThan(0);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/search-" + name + ".png")).setFullPage(false));
            page.navigate("http://localhost:" + site.app.port() + "/search?q=earthqauke&sort=newest&section=world");
            assertThat(page.locator(".search-message").textContent()).contains("Did you mean");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/search-corrected-" + name + ".png")));
        }
    }
}
