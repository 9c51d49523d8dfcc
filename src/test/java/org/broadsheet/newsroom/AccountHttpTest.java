package org.broadsheet.newsroom;

import org.broadsheet.account.User;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class AccountHttpTest {

    @TempDir
    Path dir;
    NewsroomFixture f;

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        HttpResponse<String> r = f.staff().get("/newsroom/articles");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/sign-in?next=%2Fnewsroom%2Farticles");
    }

    @Test
    void signInIssuesAFreshHttpOnlyLaxSessionCookie() {
        User u = f.user("ed@example.com", Role.EDITOR);
        var staff = f.staff();
        staff.get("/newsroom/sign-in");
        HttpResponse<String> r = staff.post("/newsroom/sign-in", Map.of("email", "ed@example.com", "password", NewsroomFixture.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bs_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String first = staff.sessionCookie();
        staff.signIn(u.email(), NewsroomFixture.PASSWORD);
        assertThat(staff.sessionCookie()).isNotEqualTo(first).hasSize(43);
        assertThat(staff.get("/newsroom").body()).contains("Dashboard").contains("ed");
    }

    @Test
    void unknownAccountAndWrongPasswordGetTheSameAnswer() {
        f.user("au@example.com", Role.AUTHOR);
        HttpResponse<String> wrong = f.staff().signIn("au@example.com", "not the right password");
        HttpResponse<String> unknown = f.staff().signIn("nobody@example.com", "not the right password");
        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The email address or the password is not right.");
        assertThat(unknown.body()).contains("The email address or the password is not right.");
    }

    @Test
    void failuresDelayTheAccountsNextAttemptsWithoutRefusingTheRightPassword() {
        User u = f.user("au@example.com", Role.AUTHOR);
        var attacker = f.staff();
        for (int i = 0; i < 6; i++) {
            assertThat(attacker.signIn(u.email(), "guess number " + i).statusCode()).isEqualTo(401);
            f.clock.advance(Duration.ofSeconds(15)); // each guess after the second waits up to 15 s: let the clock run it down
        }
        HttpResponse<String> ok = f.staff().signIn(u.email(), NewsroomFixture.PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bs_device=")
                .contains("Path=/newsroom/sign-in").contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=31536000"));
    }

    @Test
    void aForgedOrForeignDeviceCookieCountsForNothing() {
        User ed = f.user("ed@example.com", Role.EDITOR);
        User au = f.user("au@example.com", Role.AUTHOR);
        String edsDevice = f.signedIn(ed).deviceCookie();
        assertThat(edsDevice).isNotNull();
        for (int i = 0; i < 3; i++) {
            f.staff().signIn(au.email(), "guess number " + i);
            f.clock.advance(Duration.ofSeconds(15));
        }
        f.staff().signIn(au.email(), "one guess more"); // 4 failures: the author's attempts without their own device wait 4 s
        String forged = edsDevice.substring(0, edsDevice.length() - 2) + (edsDevice.endsWith("xx") ? "yy" : "xx");
        f.clock.advance(Duration.ofSeconds(3));
        assertHeldBackAboutASecond(f.staff().withDevice(edsDevice).signInAsync(au.email(), "another guess"));
        f.clock.advance(Duration.ofSeconds(7)); // 5 failures: 8 s
        assertHeldBackAboutASecond(f.staff().withDevice(forged).signInAsync(au.email(), "another guess"));
    }

    private static void assertHeldBackAboutASecond(CompletableFuture<HttpResponse<String>> attempt) {
        long started = System.nanoTime();
        assertThat(attempt.join().statusCode()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("held back like any unknown browser")
                .isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void sessionsSurviveARestartAndEndAtSignOut() {
        User u = f.user("ed@example.com", Role.EDITOR);
        var staff = f.signedIn(u);
        String cookie = staff.sessionCookie();
        f.restart();
        var again = f.staff();
        HttpResponse<String> r = again.send(HttpRequest.newBuilder(URI.create(f.base() + "/newsroom"))
                .header("Cookie", "bs_session=" + cookie).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(staff.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(staff.post("/newsroom/sign-out", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> after = again.send(HttpRequest.newBuilder(URI.create(f.base() + "/newsroom"))
                .header("Cookie", "bs_session=" + cookie).GET().build());
        assertThat(after.statusCode()).isEqualTo(302);
    }

    @Test
    void signOutEverywhereEndsEverySession() {
        User u = f.user("ed@example.com", Role.EDITOR);
        var laptop = f.signedIn(u);
        var phone = f.signedIn(u);
        assertThat(phone.post("/newsroom/sign-out-everywhere", Map.of()).statusCode()).isEqualTo(303);
        assertThat(laptop.get("/newsroom").statusCode()).isEqualTo(302);
        assertThat(phone.get("/newsroom").statusCode()).isEqualTo(302);
    }

    @Test
    void deactivatingAUserEndsTheirSessionsAtOnce() {
        User admin = f.user("admin@example.com", Role.ADMIN);
        User writer = f.user("writer@example.com", Role.AUTHOR);
        var writerClient = f.signedIn(writer);
        assertThat(writerClient.get("/newsroom").statusCode()).isEqualTo(200);
        var adminClient = f.signedIn(admin);
        assertThat(adminClient.post("/newsroom/users/" + writer.id() + "/deactivate", Map.of()).statusCode()).isEqualTo(303);
        assertThat(writerClient.get("/newsroom").statusCode()).isEqualTo(302);
        assertThat(f.staff().signIn(writer.email(), NewsroomFixture.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionsExpireAfterAWeekUnused() {
        User u = f.user("ed@example.com", Role.EDITOR);
        var staff = f.signedIn(u);
        f.clock.advance(Duration.ofDays(6));
        assertThat(staff.get("/newsroom").statusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(staff.get("/newsroom").statusCode()).isEqualTo(302);
    }

    @Test
    void stateChangesWithoutTheTokenOrFromAnotherSiteAreRefused() {
        User u = f.user("ed@example.com", Role.EDITOR);
        var staff = f.signedIn(u);
        HttpResponse<String> missing = staff.postRaw("/newsroom/articles", Map.of("headline", "x"), f.base());
        assertThat(missing.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = staff.postRaw("/newsroom/articles", Map.of("headline", "x", "_csrf", "forged"), f.base());
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> foreign = staff.postRaw("/newsroom/articles", Map.of("headline", "x", "_csrf", staff.csrf()),
                "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("another site");
        HttpResponse<String> noOrigin = staff.postRaw("/newsroom/sign-out", Map.of("_csrf", staff.csrf()), null);
        assertThat(noOrigin.statusCode()).isEqualTo(303);
    }

    @Test
    void signInFormItselfNeedsItsToken() {
        f.user("ed@example.com", Role.EDITOR);
        HttpResponse<String> r = f.staff().postRaw("/newsroom/sign-in",
                Map.of("email", "ed@example.com", "password", NewsroomFixture.PASSWORD), null);
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void anInvitedUserSetsTheirPasswordThroughTheOneTimeLink() {
        User admin = f.user("admin@example.com", Role.ADMIN);
        var adminClient = f.signedIn(admin);
        HttpResponse<String> r = adminClient.post("/newsroom/users", Map.of("name", "Nina New", "email", "nina@example.com", "role", "author"));
        assertThat(r.statusCode()).isEqualTo(200);
        var m = java.util.regex.Pattern.compile("/newsroom/set-password\\?token=([A-Za-z0-9_-]+)").matcher(r.body());
        assertThat(m.find()).isTrue();
        String path = "/newsroom/set-password?token=" + m.group(1);
        var nina = f.staff();
        assertThat(nina.get(path).body()).contains("Nina New");
        HttpResponse<String> weak = nina.post("/newsroom/set-password", Map.of("token", m.group(1), "password", "short", "confirm", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 12 characters");
        HttpResponse<String> set = nina.post("/newsroom/set-password", Map.of("token", m.group(1), "password", "tangerine orbit kettle",
                "confirm", "tangerine orbit kettle"));
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(nina.get(path).statusCode()).isEqualTo(404);
        assertThat(f.staff().signIn("nina@example.com", "tangerine orbit kettle").statusCode()).isEqualTo(303);
    }

    @Test
    void aPasswordMadeFromTheEmailAddressIsRefusedOnTheSetPasswordScreen() {
        User admin = f.user("admin@example.com", Role.ADMIN);
        HttpResponse<String> invited = f.signedIn(admin).post("/newsroom/users",
                Map.of("name", "Nina New", "email", "Nina.New@Example.com", "role", "author"));
        var m = java.util.regex.Pattern.compile("/newsroom/set-password\\?token=([A-Za-z0-9_-]+)").matcher(invited.body());
        assertThat(m.find()).isTrue();
        var nina = f.staff();
        nina.get("/newsroom/set-password?token=" + m.group(1));
        for (String password : new String[] {"nina.new@example.com", "NINA.NEW@EXAMPLE.COM", "Nina.New2026!!", "ninanew@example"}) {
            HttpResponse<String> r = nina.post("/newsroom/set-password", Map.of("token", m.group(1), "password", password, "confirm", password));
            assertThat(r.statusCode()).as(password).isEqualTo(400);
            assertThat(r.body()).contains("must not be your email address or be made from it");
        }
        String own = "nina new likes tangerines";
        assertThat(nina.post("/newsroom/set-password", Map.of("token", m.group(1), "password", own, "confirm", own)).statusCode())
                .isEqualTo(303);
    }

    @Test
    void secureCookiesBehindHttps() {
        f.close();
        var settings = new org.broadsheet.config.Settings(0, dir.resolve("https"), null, false, "B", "https://news.example.com");
        f = new NewsroomFixture(dir.resolve("https"), settings, new MutableClock(NewsroomFixture.START));
        f.user("ed@example.com", Role.EDITOR);
        var staff = f.staff();
        HttpResponse<String> form = staff.get("/newsroom/sign-in");
        String pre = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(pre).startsWith("bs_presession=").contains("Secure").contains("HttpOnly");
        String body = "email=ed%40example.com&password=" + java.net.URLEncoder.encode(NewsroomFixture.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + staff.csrf();
        HttpResponse<String> r = staff.send(HttpRequest.newBuilder(URI.create(f.base() + "/newsroom/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", pre.substring(0, pre.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bs_session=").contains("Secure"));
    }
}
