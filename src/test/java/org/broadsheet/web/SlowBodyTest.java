package org.broadsheet.web;

import org.broadsheet.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their request bodies a byte at a time hold no request thread: with more of them than the
 * server has threads, readers are still answered, and the slow senders are cut off with 408 once they fall below
 * the minimum rate (a short grace period here; 10 s in production).
 */
class SlowBodyTest {

    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration DRIBBLE = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private TestApp site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private void start(int perAddress) {
        site = TestApp.in(dir).withDemo().bodyLimits(BodyLimits.DEFAULTS.withRate(GRACE, 200).withPerAddress(perAddress)).start();
        site.awaitBackgroundWork();
    }

    @Test
    void readersAreAnsweredWhileMoreSlowSendersThanThreadsDribbleTheirBodiesAndTheSlowOnesGet408() throws Exception {
        start(8);
        String article = site.parse(site.get("/")).select(".lead-story h2 a").attr("href");
        // A page rendered while a list it shows was changing is served but not kept: ask until it is kept.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!site.get(article).headers().firstValue("X-Cache").orElse("").equals("HIT") && System.nanoTime() < until) {
            site.awaitBackgroundWork();
        }
        assertThat(site.get(article).headers().firstValue("X-Cache")).hasValue("HIT");

        int senders = 20; // more than the 8 request threads
        CountDownLatch sending = new CountDownLatch(senders);
        List<SlowSender> slow = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            // Each from its own loopback address, so the per-address cap does not turn them away.
            String path = i % 2 == 0 ? "/comments" : "/newsroom/sign-in";
            SlowSender s = new SlowSender("127.0.0." + (10 + i), "127.0.0.1", site.app().port(), path, DRIBBLE,
                    Duration.ofSeconds(30), sending);
            slow.add(s);
            threads.add(s.start());
        }
        assertThat(sending.await(20, TimeUnit.SECONDS)).isTrue();

        HttpClient reader = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            String path = i % 2 == 0 ? "/healthz" : article;
            long t0 = System.nanoTime();
            HttpResponse<String> r = TestApp.send(reader, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.app().port() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        boolean sendersStillConnected = slow.stream().allMatch(s -> s.outcome() == null);

        for (Thread t : threads) {
            t.join(30_000);
        }
        System.out.printf("slow bodies: %d senders; the slowest of 20 reader requests took %d ms (senders still connected: %s); "
                + "senders cut off after %s ms%n", senders, slowest, sendersStillConnected,
                slow.stream().map(s -> Long.toString(s.outcome().millis())).toList());
        for (SlowSender s : slow) {
            assertThat(s.outcome().status()).isEqualTo(408);
            // The rate is checked every second once the grace period is over.
            assertThat(s.outcome().millis()).isBetween(GRACE.toMillis(), GRACE.toMillis() + 10_000);
        }
    }

    @Test
    void oneAddressMayOnlySendAFewBodiesAtOnce() throws Exception {
        start(3);
        int senders = 5;
        CountDownLatch sending = new CountDownLatch(senders);
        List<SlowSender> slow = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            SlowSender s = new SlowSender("127.0.0.7", "127.0.0.1", site.app().port(), "/comments", DRIBBLE,
                    Duration.ofSeconds(30), sending);
            slow.add(s);
        }
        List<Thread> threads = slow.stream().map(SlowSender::start).toList();
        for (Thread t : threads) {
            t.join(30_000);
        }

        List<Integer> statuses = slow.stream().map(s -> s.outcome().status()).sorted().toList();
        assertThat(statuses).containsExactly(408, 408, 408, 429, 429);
    }
}
