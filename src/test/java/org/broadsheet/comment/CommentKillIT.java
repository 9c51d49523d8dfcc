package org.broadsheet.comment;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.article.Section;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.TestPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real jar, fires comment posts from several threads, kills the process with SIGKILL in the middle
 * of the burst, restarts it and proves that every acknowledged (303) comment is stored exactly once — on SQLite
 * and on PostgreSQL. Runs in failsafe after {@code package}.
 */
@Tag("jar")
class CommentKillIT {

    private static final int THREADS = 6;
    private static final int KILL_AFTER = 400;

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedCommentIsLostOnSqlite() throws Exception {
        killAndCheck(null);
    }

    @Test
    void noAcknowledgedCommentIsLostOnPostgresql() throws Exception {
        killAndCheck(TestPostgres.freshDatabaseUrl());
    }

    private void killAndCheck(String pgUrl) throws Exception {
        Path data = dir.resolve("data");
        String jdbcUrl = pgUrl != null ? pgUrl : "jdbc:sqlite:" + data.resolve("broadsheet.db").toAbsolutePath();
        java.nio.file.Files.createDirectories(data);
        long articleId = seedArticle(jdbcUrl);
        int port = freePort();
        Process server = startJar(port, data, pgUrl);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String token;
        try {
            awaitUp(http, base);
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/comments/on/" + articleId)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            token = Jsoup.parse(page).selectFirst("#commentform input[name=token]").val();

            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            Map<String, String> formsByBody = new ConcurrentHashMap<>();
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(KILL_AFTER);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    for (int i = 0; ; i++) {
                        String body = "Kill test comment " + thread + "-" + i;
                        Map<String, String> form = new LinkedHashMap<>();
                        form.put("article", Long.toString(articleId));
                        form.put("comment", body);
                        form.put("author", "Writer " + thread);
                        form.put("email", "w" + thread + "-" + i + "@example.org");
                        form.put("token", token);
                        form.put("key", "k-" + thread + "-" + i);
                        String encoded = CommentFixture.encode(form);
                        formsByBody.put(body, encoded);
                        try {
                            sent.incrementAndGet();
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/comments"))
                                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 303) {
                                acknowledged.put(body, CommentFixture.commentId(r));
                                enough.countDown();
                            }
                        } catch (IOException | InterruptedException e) {
                            return; // the server is gone
                        }
                    }
                }, "poster-" + t);
                worker.start();
                threads.add(worker);
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("acknowledged before the kill").isTrue();
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread t : threads) {
                t.join(20_000);
            }
            Map<String, Long> acked = Map.copyOf(acknowledged);

            server = startJar(port, data, pgUrl);
            awaitUp(http, base);
            try (Database db = Database.open(jdbcUrl)) {
                List<Map.Entry<String, Long>> rows = db.jdbi().withHandle(h -> h.createQuery(
                                "SELECT body, id FROM comments WHERE article_id = :a")
                        .bind("a", articleId).map((rs, ctx) -> Map.entry(rs.getString("body"), rs.getLong("id"))).list());
                Map<String, Long> stored = new java.util.HashMap<>();
                for (var row : rows) {
                    assertThat(stored.put(row.getKey(), row.getValue())).as("stored twice: " + row.getKey()).isNull();
                }
                for (var e : acked.entrySet()) {
                    assertThat(stored.get(e.getKey())).as("acknowledged comment " + e.getKey()).isEqualTo(e.getValue());
                }
                // Resubmitting acknowledged forms after the restart finds the same comment, never a second one.
                int checked = 0;
                for (var e : acked.entrySet()) {
                    if (checked++ == 20) {
                        break;
                    }
                    HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base + "/comments"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                            .POST(HttpRequest.BodyPublishers.ofString(formsByBody.get(e.getKey()))).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(CommentFixture.commentId(again)).isEqualTo(e.getValue());
                }
                int after = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM comments WHERE article_id = :a")
                        .bind("a", articleId).mapTo(Integer.class).one());
                assertThat(after).isEqualTo(rows.size());
                System.out.printf("kill test (%s): sent %d, acknowledged %d, found %d of them exactly once, %d rows stored%n",
                        pgUrl == null ? "sqlite" : "postgresql", sent.get(), acked.size(),
                        acked.keySet().stream().filter(stored::containsKey).count(), rows.size());
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static long seedArticle(String jdbcUrl) {
        try (Database db = Database.open(jdbcUrl)) {
            Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
            ArticleService articles = new ArticleService(db.jdbi(), ArticleService.sectionDirectory(db.jdbi()), new ArticleUrls(ZoneOffset.UTC), clock);
            Section section = articles.createSection(null, "news", "News", "", 1);
            return articles.importPublished(List.of(new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null,
                    "Kill test", "Standfirst.", "Body.", null, null, null, null, List.of("Reporter"), List.of(), null),
                    Instant.now().minus(Duration.ofHours(1))))).get(0);
        }
    }

    static Process startJar(int port, Path data, String pgUrl) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("broadsheet.jar", "target/broadsheet.jar"), "serve", "--port", Integer.toString(port),
                "--data", data.toString(), "--no-demo"));
        if (pgUrl != null) {
            cmd.addAll(List.of("--db", pgUrl));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("server-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("BROADSHEET_COMMENTS_FLOOD_SECONDS", "0");
        pb.environment().put("BROADSHEET_COMMENTS_MIN_FILL_SECONDS", "0");
        return pb.start();
    }

    static void awaitUp(HttpClient http, String base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        throw new AssertionError("the server did not start at " + base);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
