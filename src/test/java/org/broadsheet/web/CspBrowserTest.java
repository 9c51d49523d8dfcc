package org.broadsheet.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page type in Chromium under the real Content-Security-Policy: no violation is reported and nothing
 * logs an error, and the scripts the policy must allow still work: the comment form (its token fetch and
 * post) and the read beacon ({@code --view-counting beacon}). Screenshots go to {@code target/screenshots}.
 */
class CspBrowserTest {

    /** Collects what the policy blocks, before any page script runs. */
    private static final String WATCH = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            + "e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    @TempDir
    static Path dir;
    private static SiteTour site;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        site = new SiteTour(dir, RankingSettings.ViewCounting.BEACON);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        site.close();
    }

    @Test
    void everyPublicPageRendersUnderThePolicyWithItsScriptsWorking() {
        BrowserContext context = watchedContext(1280, 900);
        List<String> errors = consoleErrors(context);
        Page page = context.newPage();
        for (Map.Entry<String, String> type : site.publicPages().entrySet()) {
            if (type.getKey().equals("article")) {
                continue;
            }
            page.navigate(site.base() + type.getValue());
            assertStylesAndIconApply(page, type.getKey());
            assertNoViolations(page, type.getKey());
        }
        // The 404 page's own status is the one error the browser may log.
        errors.removeIf(e -> e.contains("404"));

        // The page's two scripts at work: the comment form fetches a fresh token, the beacon reports the read.
        page.waitForResponse(r -> r.url().contains("/comments/token?") && r.status() == 200,
                () -> page.waitForResponse(r -> r.url().endsWith("/views/" + site.articleId) && r.status() == 204,
                        () -> page.navigate(site.base() + site.articleUrl)));
        site.clock.advance(Duration.ofSeconds(20));
        page.fill("#comment", "Posted from a browser under the policy.");
        page.fill("#author", "Carla Commenter");
        page.fill("#email", "carla@example.org");
        page.click("#commentform button[type=submit]");
        page.waitForURL(u -> u.contains("#comment-"));
        assertThat(page.locator(".comment-text").allTextContents()).anyMatch(t -> t.contains("Posted from a browser under the policy."));
        assertStylesAndIconApply(page, "article");
        assertNoViolations(page, "article");
        assertThat(errors).isEmpty();

        Path shots = Paths.get("target", "screenshots");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("csp-article-desktop.png")).setFullPage(false));
        Page phone = watchedContext(390, 844).newPage();
        phone.navigate(site.base() + "/");
        assertNoViolations(phone, "home on a phone");
        phone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("csp-home-phone.png")));
    }

    @Test
    void everyStaffScreenRendersUnderThePolicy() {
        BrowserContext context = watchedContext(1280, 900);
        List<String> errors = consoleErrors(context);
        Page page = context.newPage();
        page.navigate(site.base() + "/newsroom/sign-in");
        assertNoViolations(page, "sign-in");
        page.getByLabel("Email address").fill(SiteTour.ADMIN_EMAIL);
        page.getByLabel("Password").fill(SiteTour.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> u.endsWith("/newsroom"));
        for (String path : site.staffPages()) {
            page.navigate(site.base() + path);
            assertStylesAndIconApply(page, path);
            assertNoViolations(page, path);
        }

        page.navigate(site.base() + "/newsroom/articles/" + site.articleId);
        Page preview = context.waitForPage(() -> page.click("#preview"));
        preview.waitForLoadState();
        assertStylesAndIconApply(preview, "preview");
        assertNoViolations(preview, "preview");
        assertThat(errors).isEmpty();
    }

    private static BrowserContext watchedContext(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.addInitScript(WATCH);
        return context;
    }

    private static List<String> consoleErrors(BrowserContext context) {
        List<String> errors = new ArrayList<>();
        context.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text() + " (" + m.page().url() + ")");
            }
        });
        context.onPage(p -> p.onPageError(e -> errors.add("page error: " + e)));
        return errors;
    }

    private static void assertNoViolations(Page page, String what) {
        assertThat((List<?>) page.evaluate("() => window.__violations")).as(what).isEmpty();
    }

    /** The stylesheet applied (the body font is ours) and the site icon loads as an image under img-src. */
    private static void assertStylesAndIconApply(Page page, String what) {
        assertThat((String) page.evaluate("() => getComputedStyle(document.body).fontFamily")).as(what).contains("system-ui");
        Object iconWidth = page.evaluate("() => new Promise(done => { const i = new Image(); i.onload = () => done(i.naturalWidth);"
                + " i.onerror = () => done(-1); i.src = document.querySelector('link[rel=icon]').href; })");
        assertThat(((Number) iconWidth).intValue()).as(what + ": icon").isPositive();
    }
}
