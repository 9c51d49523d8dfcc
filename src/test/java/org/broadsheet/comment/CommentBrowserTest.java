package org.broadsheet.comment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A reader in a real browser posts, sees their own held comment, is approved, and replies; screenshots for review. */
class CommentBrowserTest {

    @TempDir
    Path dir;

    @Test
    void readerPostsSeesTheirPendingCommentAndReplies() {
        try (CommentFixture f = new CommentFixture(dir, CommentFixture.settings());
             Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            long a = f.article("Russia ratifies Pyongyang pact as N Korea, Ukraine troops in border clashes");
            String url = f.base() + f.articleUrl(a);
            BrowserContext reader = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
            Page page = reader.newPage();
            page.navigate(url);

            page.click("#commentform button[type=submit]");
            assertThat((String) page.evalOnSelector("#comment", "e => e.validationMessage")).isEqualTo("Please enter your comment!");
            page.fill("#comment", "A first thought.\n\nWith a second paragraph and https://example.org/ a link.");
            page.click("#commentform button[type=submit]");
            assertThat((String) page.evalOnSelector("#author", "e => e.validationMessage")).isEqualTo("Please enter your name here");
            page.fill("#author", "Rita Reader");
            page.click("#commentform button[type=submit]");
            assertThat((String) page.evalOnSelector("#email", "e => e.validationMessage")).isEqualTo("Please enter your email address");
            page.fill("#email", "rita@");
            page.click("#commentform button[type=submit]");
            assertThat((String) page.evalOnSelector("#email", "e => e.validationMessage")).isEqualTo("You have entered an incorrect email address!");
            page.fill("#email", "rita@example.org");
            page.check("#remember");
            page.click("#commentform button[type=submit]");
            page.waitForURL(u -> u.contains("held="));
            assertThat(page.locator(".comment-held .awaiting")).hasText("Your comment is awaiting moderation.");
            assertThat(page.locator(".comment-held .reply-link")).hasCount(0);
            assertThat((String) page.evaluate("() => localStorage.getItem('broadsheet.commenter')")).contains("Rita Reader");
            long id = Long.parseLong(page.url().substring(page.url().indexOf("#comment-") + 9));

            Page stranger = browser.newContext().newPage();
            stranger.navigate(url);
            assertThat(stranger.locator("#comment-" + id)).hasCount(0);

            f.app.comments().service().setStatus(List.of(id), CommentStatus.APPROVED);
            f.clock.advance(Duration.ofSeconds(20));
            page.navigate(url);
            assertThat(page.locator("#comment-" + id + " .comment-text p")).hasCount(2);
            assertThat(page.locator("#author")).hasValue("Rita Reader");
            page.click("#comment-" + id + " .reply-link");
            assertThat(page.locator("#reply-title")).hasText("Reply to Rita Reader");
            page.fill("#comment", "Replying to myself, now trusted.");
            page.click("#commentform button[type=submit]");
            page.waitForURL(u -> !u.contains("held=") && u.contains("#comment-"));
            assertThat(page.locator("#comment-" + id + " > ol.children .comment-text")).hasText("Replying to myself, now trusted.");

            Path shots = Paths.get("target", "screenshots");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("comments-desktop.png")).setFullPage(true));
            BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
            Page small = phone.newPage();
            small.navigate(url + "#comments");
            small.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("comments-phone.png")).setFullPage(true));
            f.editorAccount();
            Page signIn = reader.newPage();
            signIn.navigate(f.base() + "/newsroom/sign-in");
            signIn.getByLabel("Email address").fill(CommentFixture.STAFF_EMAIL);
            signIn.getByLabel("Password").fill(CommentFixture.STAFF_PASSWORD);
            signIn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(signIn.locator("h1")).hasText("Dashboard");
            phone.addCookies(reader.cookies());
            f.clock.advance(Duration.ofSeconds(20));
            Page errors = reader.newPage();
            errors.navigate(url);
            errors.evaluate("() => document.getElementById('commentform').noValidate = true");
            errors.fill("#author", "");
            errors.fill("#email", "");
            errors.click("#commentform button[type=submit]");
            assertThat(errors.locator(".error-summary li")).hasCount(3);
            assertThat((String) errors.evaluate("() => document.activeElement.id")).isEqualTo("comment");
            errors.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("comments-errors-desktop.png")).setFullPage(true));
            String refusedAt = errors.url();
            assertThat(refusedAt).endsWith("/comments/on/" + a);
            errors.reload(); // the browser sends the form again: the same messages, not an error page
            assertThat(errors.locator(".error-summary li")).hasCount(3);
            assertThat(errors.navigate(refusedAt).status()).as("the address typed again").isEqualTo(200);
            assertThat(errors.locator("#commentform")).hasCount(1);
            Page queue = reader.newPage();
            queue.navigate(f.base() + "/newsroom/comments?status=approved");
            queue.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("queue-desktop.png")).setFullPage(true));
            Page queuePhone = phone.newPage();
            queuePhone.navigate(f.base() + "/newsroom/comments?status=approved");
            queuePhone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("queue-phone.png")).setFullPage(true));
        }
    }
}
