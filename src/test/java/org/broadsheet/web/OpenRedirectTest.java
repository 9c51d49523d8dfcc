package org.broadsheet.web;

import org.broadsheet.StaffClient;
import org.broadsheet.config.RankingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No redirect leaves the site (issue 17.2): not the trailing-slash redirect of an address that a browser
 * reads as another host, not the sign-in's return address, not the moderation queue's.
 */
class OpenRedirectTest {

    /** Request targets a browser, or a proxy that decodes once, would take to another host once a slash is added. */
    private static final List<String> OFF_SITE = List.of("//evil.example", "///evil.example", "/\\evil.example", "/\\/evil.example",
            "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil", "/%5C%5Cevil.example", "/%09/evil.example",
            "/%0A/evil.example", "/%0D%0A/evil.example", "/\t/evil.example", "/tag//evil.example", "/author//evil.example",
            "/news//evil.example");

    /** Return addresses that would leave the site, or smuggle a header, if taken as they are. */
    private static final List<String> BAD_RETURNS = List.of("//evil.example", "/\\evil.example", "https://evil.example/newsroom",
            "/newsroom\r\nLocation: //evil.example", "/newsroom/\t/evil.example", "/newsroom/%0d%0aSet-Cookie:%20a=b",
            "/newsroom/%5C%5Cevil.example", "/newsroom//evil.example", "/newsroom/comments\r\nLocation: //evil.example",
            "/newsroom/comments/%5C%5Cevil.example", "/newsroom/comments\t//evil.example");

    @TempDir
    static Path dir;
    private static SiteTour site;

    @BeforeAll
    static void start() {
        site = new SiteTour(dir, RankingSettings.ViewCounting.SERVER);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void anAddressThatLooksLikeAnotherHostIsNotFoundRatherThanRedirected() {
        for (String target : OFF_SITE) {
            for (String method : List.of("GET", "HEAD")) {
                RawHttp.Answer answer = RawHttp.send(site.app.port(), method, target);

                assertThat(answer.status()).as(method + " " + target).isIn(400, 404);
                assertThat(answer.header("Location")).as(method + " " + target).isEmpty();
            }
        }
    }

    @Test
    void plainAddressesStillGainTheirTrailingSlash() {
        String section = site.publicPages().get("section");
        RawHttp.Answer answer = RawHttp.send(site.app.port(), "GET", section.replaceAll("/$", "") + "?page=1");

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.header("Location")).hasValue(section + "?page=1");
    }

    @Test
    void signInReturnsOnlyToANewsroomPage() {
        for (String next : List.of("//evil.example", "/newsroom\r\nLocation: //evil.example", "/newsroom/%5C%5Cevil.example")) {
            StaffClient staff = new StaffClient(site::base);
            staff.get("/newsroom/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> signIn = staff.post("/newsroom/sign-in",
                    Map.of("email", SiteTour.ADMIN_EMAIL, "password", SiteTour.ADMIN_PASSWORD, "next", next));

            assertThat(signIn.statusCode()).as(next).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Location")).as(next).hasValue("/newsroom");
        }
        StaffClient admin = site.admin();
        for (String next : BAD_RETURNS) {
            HttpResponse<String> signedIn = admin.get("/newsroom/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));

            assertThat(signedIn.statusCode()).as(next).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).as(next).hasValue("/newsroom");
        }
        assertThat(admin.get("/newsroom/sign-in?next=%2Fnewsroom%2Farticles%3Fstatus%3Ddraft").headers().firstValue("Location"))
                .hasValue("/newsroom/articles?status=draft");
    }

    @Test
    void theModerationQueueReturnsOnlyToItself() {
        StaffClient admin = site.admin();
        admin.get("/newsroom/comments");
        for (String returnTo : BAD_RETURNS) {
            HttpResponse<String> r = admin.post("/newsroom/comments/bulk",
                    Map.of("single", "approve:" + site.commentId, "returnTo", returnTo));

            assertThat(r.statusCode()).as(returnTo).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(returnTo).startsWith("/newsroom/comments?done=");
            assertStaysOnSite(r.headers().firstValue("Location").orElseThrow());
        }
    }

    /** Reads a Location as a browser would (tabs and newlines dropped, backslashes as slashes), decoded once as a proxy might. */
    private static void assertStaysOnSite(String location) {
        String browser = URLDecoder.decode(location, StandardCharsets.UTF_8).replaceAll("[\t\r\n]", "").replace('\\', '/');
        assertThat(URI.create(site.base()).resolve(browser.replace(" ", "%20")).getHost()).as(location).isEqualTo("localhost");
    }
}
