package org.broadsheet.comment;

import org.broadsheet.storage.Database;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart as an operator does it: the packaged jar is serving a burst of comment posts when it gets
 * SIGTERM. It must stop accepting connections, answer every request already in flight completely (no reset,
 * no empty reply), store every comment it answered 303, and exit 0 within the stop timeout. The posts are held
 * in flight deterministically: each sends all of its form but the last byte, the server counts them as in
 * flight ({@code broadsheet_requests_in_flight}), SIGTERM goes out, and once new connections are refused the
 * last bytes follow. Runs in failsafe after {@code package}.
 */
@Tag("jar")
class GracefulStopIT {

    private static final int POSTS = 100;
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^broadsheet_requests_in_flight (\\S+)$");

    @TempDir
    Path dir;

    @Test
    void sigtermLetsTheCommentPostsInFlightFinishAndEveryAcknowledgedOneIsStored() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        String jdbcUrl = "jdbc:sqlite:" + data.resolve("broadsheet.db").toAbsolutePath();
        long articleId = CommentKillIT.seedArticle(jdbcUrl);
        int port = CommentKillIT.freePort();
        Process server = CommentKillIT.startJar(port, data, null);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        List<Socket> posts = new ArrayList<>();
        try {
            CommentKillIT.awaitUp(http, base);
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/comments/on/" + articleId)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String token = Jsoup.parse(page).selectFirst("#commentform input[name=token]").val();

            List<String> forms = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                forms.add(form(articleId, token, i));
                // From 20 loopback addresses, so the cap on bodies one address may send at once lets them all in.
                posts.add(holdPost("127.0.0." + (10 + i % 20), port, base, forms.get(i)));
            }
            awaitInFlight(http, base, POSTS);

            long sigterm = System.nanoTime();
            server.destroy(); // SIGTERM
            long refusedAfter = awaitRefused(port, sigterm);
            for (int i = 0; i < POSTS; i++) {
                posts.get(i).getOutputStream().write(forms.get(i).charAt(forms.get(i).length() - 1));
                posts.get(i).getOutputStream().flush();
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            Map<Integer, Long> acknowledged = new LinkedHashMap<>();
            List<String> incomplete = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                Answer answer = readAnswer(posts.get(i));
                statuses.merge(answer.complete() ? answer.status() : -1, 1, Integer::sum);
                if (!answer.complete()) {
                    incomplete.add(i + ": " + answer.head());
                } else if (answer.status() == 303) {
                    acknowledged.put(i, answer.commentId());
                }
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
            System.out.printf("graceful stop: %d posts in flight at SIGTERM, answered %s (-1: no complete answer); "
                            + "new connections refused after %d ms, process exited %d after %d ms%n",
                    POSTS, statuses, refusedAfter, server.exitValue(), stopMillis);
            System.out.println("the server logged: " + serverLog(data).lines().filter(l -> l.contains("stopped in")).findFirst().orElse("-"));
            assertThat(incomplete).as("posts without a complete answer; the server said:%n%s", serverLog(data)).isEmpty();
            assertThat(server.exitValue()).as("exit code").isZero();

            try (Database db = Database.open(jdbcUrl)) {
                for (var e : acknowledged.entrySet()) {
                    String body = db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM comments WHERE id = :id")
                            .bind("id", e.getValue()).mapTo(String.class).findOne().orElse(null));
                    assertThat(body).as("acknowledged comment %d", e.getKey()).isEqualTo(commentText(e.getKey()));
                }
            }
            assertThat(statuses).containsOnlyKeys(303);
        } finally {
            for (Socket post : posts) {
                post.close();
            }
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String serverLog(Path data) throws IOException {
        try (var logs = Files.list(data)) {
            StringBuilder out = new StringBuilder();
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("server-")).toList()) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
            return out.toString();
        }
    }

    private static String commentText(int i) {
        return "Graceful stop comment " + i;
    }

    private static String form(long articleId, String token, int i) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", Long.toString(articleId));
        form.put("comment", commentText(i));
        form.put("author", "Writer " + i);
        form.put("email", "g" + i + "@example.org");
        form.put("token", token);
        form.put("key", "graceful-" + i);
        return CommentFixture.encode(form);
    }

    /** Sends a comment POST without the last byte of its body: the request is in flight until that byte comes. */
    private static Socket holdPost(String from, int port, String base, String form) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);
        String head = "POST /comments HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: " + base + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body, 0, body.length - 1);
        socket.getOutputStream().flush();
        return socket;
    }

    private static void awaitInFlight(HttpClient http, String base, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double seen = 0;
        while (System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = IN_FLIGHT.matcher(metrics);
            seen = m.find() ? Double.parseDouble(m.group(1)) : 0;
            if (seen >= count) { // the metrics request itself is in flight too
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("only " + seen + " requests in flight");
    }

    /** Milliseconds from SIGTERM until the port refuses new connections. */
    private static long awaitRefused(int port, long since) {
        long deadline = since + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
            } catch (IOException other) {
                // a timeout while stopping: try again
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        throw new AssertionError("the port still accepted connections 10 s after SIGTERM");
    }

    private record Answer(String head, int status, boolean complete, long commentId) {
    }

    /** Reads one HTTP/1.1 answer to the end of the connection; complete when its body has its declared length. */
    private static Answer readAnswer(Socket socket) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = socket.getInputStream()) {
            in.transferTo(bytes);
        } catch (IOException reset) {
            return new Answer(bytes.toString(StandardCharsets.ISO_8859_1) + " [" + reset + "]", -1, false, -1);
        }
        String all = bytes.toString(StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (!all.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(all, -1, false, -1);
        }
        String head = all.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        Matcher length = Pattern.compile("(?im)^Content-Length: (\\d+)$").matcher(head);
        int bodyLength = all.length() - end - 4;
        boolean complete = length.find() ? Integer.parseInt(length.group(1)) == bodyLength
                : head.toLowerCase().contains("transfer-encoding: chunked") && all.endsWith("0\r\n\r\n");
        Matcher location = Pattern.compile("(?im)^Location: .*#comment-(\\d+)$").matcher(head);
        return new Answer(head, status, complete, location.find() ? Long.parseLong(location.group(1)) : -1);
    }
}
