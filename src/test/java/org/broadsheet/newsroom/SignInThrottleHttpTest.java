package org.broadsheet.newsroom;

import org.broadsheet.StaffClient;
import org.broadsheet.account.User;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttling scenarios of the issue, over HTTP against the real server behind one trusted proxy
 * ({@code --proxy-hops 1}), each client at the address its {@code X-Forwarded-For} names. The clock is
 * advanced where a test only needs the counting; where a real wait is shown, it is about a second.
 */
class SignInThrottleHttpTest {

    private static final String OFFICE = "198.51.100.10";
    /** Far longer than any sign-in takes here, far shorter than the 15 s an account or address under attack waits. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    NewsroomFixture f;

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir, Settings.forTest(dir, null).withRanking(RankingSettings.DEFAULTS.withProxyHops(1)),
                new MutableClock(NewsroomFixture.START));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private StaffClient at(String address) {
        return f.staff().from(address);
    }

    /** Signs in and out, so that this browser keeps only its known-device cookie. */
    private StaffClient knownDevice(User u, String address) {
        StaffClient browser = at(address);
        assertThat(browser.signIn(u.email(), NewsroomFixture.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.post("/newsroom/sign-out", java.util.Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.deviceCookie()).isNotNull();
        return browser;
    }

    /** A guess answered at once: the clock is moved past whatever wait the account had. */
    private void guess(String email, String address) {
        f.clock.advance(Duration.ofSeconds(15));
        assertThat(at(address).signIn(email, "a wrong guess " + email).statusCode()).isEqualTo(401);
    }

    /** After these, a browser the account does not know waits 15 s from the last one. */
    private void sixGuessesFromSixAddresses(User u) {
        for (int i = 1; i <= 6; i++) {
            guess(u.email(), "203.0.113." + i);
        }
    }

    private static Duration timed(Runnable r) {
        long started = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void signsIn(StaffClient browser, User u) {
        assertThat(browser.signIn(u.email(), NewsroomFixture.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void oneReportersTyposNeverHoldBackColleaguesBehindTheSameOfficeAddress() {
        User reporter = f.user("reporter@example.com", Role.AUTHOR);
        List<User> colleagues = List.of(f.user("ed@example.com", Role.EDITOR), f.user("sub@example.com", Role.EDITOR),
                f.user("desk@example.com", Role.AUTHOR));
        for (int i = 0; i < 9; i++) {
            guess(reporter.email(), OFFICE);
        }
        // The reporter's own account now waits 15 s; the office address has 9 failures, far from its 30.
        for (User colleague : colleagues) {
            assertThat(timed(() -> signsIn(at(OFFICE), colleague))).isLessThan(AT_ONCE);
        }
    }

    @Test
    void aGuesserSprayingAccountsFromOneAddressIsSlowedThenRefusedButTheRightPasswordStillSignsIn() {
        String guesser = "203.0.113.66";
        User colleague = f.user("ed@example.com", Role.EDITOR);
        StaffClient colleaguesLaptop = knownDevice(colleague, guesser);
        for (int i = 0; i < 30; i++) {
            assertThat(at(guesser).signIn("someone" + i + "@example.com", "a guess").statusCode()).isEqualTo(401);
        }
        // 30 failures across accounts: every further attempt from the address waits (1 s now), and only 8 may wait at once.
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flood.add(at(guesser).signInAsync("other" + i + "@example.com", "a guess"));
        }
        List<Integer> statuses = flood.stream().map(a -> a.join().statusCode()).toList();
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(8);
        assertThat(flood.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429).findFirst().orElseThrow().body())
                .contains("Too many sign-ins for this account or from this address are waiting");

        // 38 failures: 15 s for browsers the address's accounts do not know; a known device is not held back at all.
        assertThat(timed(() -> signsIn(colleaguesLaptop, colleague))).isLessThan(AT_ONCE);
        f.clock.advance(Duration.ofSeconds(14));
        StaffClient borrowedPc = at(guesser);
        Duration waited = timed(() -> signsIn(borrowedPc, colleague));
        assertThat(waited).as("the remaining second of the address's wait").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void sixAddressesGuessingOneAccountNeverLockOutItsRealUser() {
        User ed = f.user("ed@example.com", Role.EDITOR);
        StaffClient edsLaptop = knownDevice(ed, "192.0.2.1");
        sixGuessesFromSixAddresses(ed);
        // Six failures: a browser this account does not know waits 15 s after the last one, and is then checked as usual.
        assertThat(timed(() -> signsIn(edsLaptop, ed))).as("the known device").isLessThan(AT_ONCE);
        f.clock.advance(Duration.ofSeconds(14));
        StaffClient newPhone = at("192.0.2.99");
        CompletableFuture<HttpResponse<String>> attempt = newPhone.signInAsync(ed.email(), NewsroomFixture.PASSWORD);
        Duration waited = timed(() -> assertThat(attempt.join().statusCode()).as("never 429").isEqualTo(303));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(AT_ONCE);
        assertThat(newPhone.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(newPhone.deviceCookie()).as("the new phone is a known device from now on").isNotNull();
    }

    @Test
    void countsAndKnownDevicesSurviveARestart() {
        User ed = f.user("ed@example.com", Role.EDITOR);
        StaffClient edsLaptop = knownDevice(ed, "192.0.2.1");
        sixGuessesFromSixAddresses(ed);
        f.restart();
        assertThat(timed(() -> signsIn(edsLaptop, ed))).as("the device secret is kept in the database").isLessThan(AT_ONCE);
        f.clock.advance(Duration.ofSeconds(14));
        assertThat(timed(() -> signsIn(at("192.0.2.99"), ed))).as("the failures are too").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aSignInStillWaitingWhenTheNewsroomClosesIsToldToTryAgain() {
        User ed = f.user("ed@example.com", Role.EDITOR);
        sixGuessesFromSixAddresses(ed);
        CompletableFuture<HttpResponse<String>> waiting = at("192.0.2.99").signInAsync(ed.email(), NewsroomFixture.PASSWORD);
        await(() -> f.app.newsroom().signInsWaiting() == 1);
        f.app.newsroom().close(); // the first step of App.close(), before the server stops
        HttpResponse<String> answer = waiting.join();
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("sign in again in a moment");
    }

    @Test
    void waitingGuessesHoldNoRequestThreadAndNeverHoldBackAKnownDevice() {
        User ed = f.user("ed@example.com", Role.EDITOR);
        StaffClient edsLaptop = knownDevice(ed, "192.0.2.1");
        // More waiting guesses than the server has request threads, four per account (each account's limit).
        int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        List<String> accounts = new ArrayList<>(List.of(ed.email()));
        while (accounts.size() * 4 < threads + 4) {
            accounts.add("nobody" + accounts.size() + "@example.com");
        }
        int address = 1;
        for (int round = 0; round < 4; round++) {
            for (String account : accounts) {
                guess(account, "203.0.113." + address++);
            }
        }
        f.clock.advance(Duration.ofSeconds(15));
        for (String account : accounts) {
            assertThat(at("203.0.113." + address++).signIn(account, "a fifth guess").statusCode()).isEqualTo(401);
        }
        // Five failures each, all at this moment: 8 s for the next attempts (the clock stands still from here).
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (String account : accounts) {
            for (int i = 0; i < 4; i++) {
                waiting.add(at("198.51.100." + address++).signInAsync(account, "a patient guess"));
            }
        }
        await(() -> f.app.newsroom().signInsWaiting() == waiting.size());

        assertThat(at("198.51.100.250").signIn(ed.email(), NewsroomFixture.PASSWORD).statusCode())
                .as("a fifth unknown browser for a full account is told to come back").isEqualTo(429);
        signsIn(edsLaptop, ed);
        assertThat(edsLaptop.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(f.staff().get("/newsroom/sign-in").statusCode()).isEqualTo(200);
        assertThat(waiting).as("the known device and the other pages were answered while every guess still waited")
                .noneMatch(CompletableFuture::isDone);

        assertThat(waiting).allSatisfy(a -> assertThat(a.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(401));
        assertThat(f.app.newsroom().signInsWaiting()).isZero();
    }

    private static void await(BooleanSupplier condition) {
        org.broadsheet.Await.until("the condition holds", condition, Duration.ofSeconds(20));
    }
}
