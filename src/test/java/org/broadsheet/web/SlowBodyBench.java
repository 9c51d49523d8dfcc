package org.broadsheet.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The slow-body measurement behind {@code bench/slow-body.sh}: for a growing number of clients that each declare
 * a 100,000-byte form and send it a byte every 5 s (each from its own loopback address), how long a reader waits
 * for {@code /healthz} and a cached article page meanwhile. Prints one row per count and the first count that
 * pushes the reader past 1 s. Arguments: port, article path, then the counts.
 */
public final class SlowBodyBench {

    private static final Duration READER_TIMEOUT = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String article = args[1];
        HttpClient reader = HttpClient.newBuilder().connectTimeout(READER_TIMEOUT).build();
        for (int i = 0; i < 20; i++) { // warm up the reader's path first
            reader.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + (i % 2 == 0 ? "/healthz" : article))).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        Integer firstSlow = null;
        System.out.println("| slow senders | reader requests | slowest (ms) | timed out (> 5 s) |");
        System.out.println("|---|---|---|---|");
        for (int a = 2; a < args.length; a++) {
            int count = Integer.parseInt(args[a]);
            CountDownLatch sending = new CountDownLatch(count);
            List<SlowSender> senders = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SlowSender s = new SlowSender("127.0.1." + (1 + i), "127.0.0.1", port, i % 2 == 0 ? "/comments" : "/newsroom/sign-in",
                        Duration.ofSeconds(5), Duration.ofSeconds(60), sending);
                senders.add(s);
                threads.add(s.start());
            }
            sending.await(10, TimeUnit.SECONDS);
            long slowest = 0;
            int timedOut = 0;
            int requests = 10;
            for (int i = 0; i < requests; i++) {
                String path = i % 2 == 0 ? "/healthz" : article;
                long t0 = System.nanoTime();
                try {
                    reader.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(READER_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (HttpTimeoutException e) {
                    timedOut++;
                } catch (IOException e) {
                    timedOut++;
                }
                slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
            senders.forEach(SlowSender::stop);
            System.out.printf("| %d | %d | %d | %d |%n", count, requests, slowest, timedOut);
            if (firstSlow == null && slowest > 1000) {
                firstSlow = count;
            }
            // The next round starts once the server has let go of this round's hung-up requests.
            for (Thread t : threads) {
                t.join(10_000);
            }
            org.broadsheet.Await.until("the server has released the hung-up requests", () -> settled(reader, port),
                    Duration.ofSeconds(30));
        }
        System.out.println();
        System.out.println(firstSlow == null ? "No count tried pushed the reader past 1 s."
                : firstSlow + " slow senders pushed the reader past 1 s.");
    }

    /**
     * Whether nothing but this request is in flight, by the server's own gauge; a build without that gauge
     * (the "before" jar) has settled once it answers at all, since then a request thread is free again.
     */
    private static boolean settled(HttpClient reader, int port) {
        try {
            String metrics = reader.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(READER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith("broadsheet_requests_in_flight "))
                    .allMatch(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)) <= 1);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
