package org.broadsheet.newsroom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.broadsheet.account.User;
import org.broadsheet.media.TestImages;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom in a real browser (Debian's chromium): sign in, write, preview, upload a photo,
 * schedule, see it go out at its time, publish, correct, sign out. Screenshots go to target/screenshots.
 */
class NewsroomBrowserTest {

    @TempDir
    Path dir;
    NewsroomFixture f;
    Playwright playwright;
    Browser browser;
    User editor;

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir);
        editor = f.user("editor@example.com", Role.ADMIN);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterEach
    void stop() {
        browser.close();
        playwright.close();
        f.close();
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")).setFullPage(true));
    }

    @Test
    void anEditorWritesSchedulesPublishesAndCorrectsAnArticle() throws Exception {
        Path photo = dir.resolve("harbour.jpg");
        Files.write(photo, TestImages.jpegWithExif(1800, 1200));
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 900));

        page.navigate(f.base() + "/newsroom");
        assertThat(page).hasURL(f.base() + "/newsroom/sign-in?next=%2Fnewsroom");
        page.getByLabel("Email address").fill(editor.email());
        page.getByLabel("Password").fill("wrong password, surely");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator(".error")).containsText("not right");
        shot(page, "sign-in-error");
        page.getByLabel("Password").fill(NewsroomFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("h1")).hasText("Dashboard");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New article").setExact(true)).first().click();
        page.locator("#headline").fill("Harbour reopens after the storm");
        page.locator("#standfirst").fill("Ferries run again after three days.");
        page.locator("#body").fill("The harbour **reopened** on Saturday.\n\n## What happens next\n\nRepairs continue.");
        page.locator("#bylines").fill("Ann Writer, Bob Reporter");
        page.locator("#tags").fill("Harbour, Weather");
        page.locator("#leadImage").setInputFiles(photo);
        page.locator("#leadAlt").fill("Ferries moored in the harbour");
        page.locator("#leadCaption").fill("The harbour on Saturday morning.");
        page.locator("#leadCredit").fill("Jo Lens");
        shot(page, "editor-new");
        page.locator("#save").click();
        assertThat(page.locator(".notice")).hasText("The article was created.");
        assertThat(page.locator("img.nr-thumb")).isVisible();
        shot(page, "editor-saved");

        Page preview = page.waitForPopup(() -> page.locator("#preview").click());
        assertThat(preview.locator("h1#headline")).hasText("Harbour reopens after the storm");
        assertThat(preview.locator("meta[name=robots]")).hasAttribute("content", "noindex, follow");
        assertThat(preview.locator(".lead-image img")).hasAttribute("alt", "Ferries moored in the harbour");
        shot(preview, "preview");
        preview.close();

        page.locator("#at").fill("2026-11-28T10:00");
        page.locator("#action-schedule").click();
        assertThat(page.locator("#article-status")).hasText("Scheduled");
        String url = f.app.articles().findById(articleId(page)).map(a -> f.app.articles().url(a)).orElseThrow();
        assertThat(page.request().get(f.base() + url).status()).isEqualTo(404);

        f.clock.set(NewsroomFixture.START.plus(Duration.ofMinutes(59)));
        f.app.newsroom().scheduler().runOnce();
        assertThat(page.request().get(f.base() + url).status()).isEqualTo(404);
        f.clock.set(NewsroomFixture.START.plus(Duration.ofHours(1)));
        f.app.newsroom().scheduler().runOnce();
        page.reload();
        assertThat(page.locator("#article-status")).hasText("Published");

        page.locator("input[name=kind][value=correction]").check();
        page.locator("#note-text").fill("An earlier version gave the wrong day.");
        page.locator("#append-note").click();
        assertThat(page.locator(".notice")).hasText("The note was appended to the article.");

        page.locator("#public-link").click();
        assertThat(page.locator("h1#headline")).hasText("Harbour reopens after the storm");
        assertThat(page.locator(".corrections")).containsText("An earlier version gave the wrong day.");
        assertThat(page.locator(".lead-image img")).hasAttribute("srcset", java.util.regex.Pattern.compile("480w.*960w.*1600w"));
        shot(page, "public-article");
        Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
        phone.navigate(page.url());
        shot(phone, "public-article-phone");
        phone.close();

        page.navigate(f.base() + "/newsroom/articles/new");
        page.locator("#headline").fill("Second story goes straight out");
        page.locator("#save").click();
        page.locator("#action-publish").click();
        assertThat(page.locator("#article-status")).hasText("Published");

        page.navigate(f.base() + "/newsroom");
        assertThat(page.locator(".nr-counts")).containsText("2 Published");
        shot(page, "dashboard");
        page.navigate(f.base() + "/newsroom/articles");
        shot(page, "articles");
        page.navigate(f.base() + "/newsroom/users");
        shot(page, "users");
        Page phoneEditor = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
        phoneEditor.context().addCookies(page.context().cookies());
        phoneEditor.navigate(f.base() + "/newsroom/articles/" + articleId(page));
        shot(phoneEditor, "editor-phone");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator(".notice")).hasText("You are signed out.");
        page.navigate(f.base() + "/newsroom");
        assertThat(page).hasURL(f.base() + "/newsroom/sign-in?next=%2Fnewsroom");
    }

    private long articleId(Page page) {
        var list = f.app.newsroom().desk().list(new org.broadsheet.article.DeskRecords.Filter(null, null, null, "Harbour reopens", null), 1, 1);
        assertThat(list.items()).isNotEmpty();
        return list.items().get(0).id();
    }
}
