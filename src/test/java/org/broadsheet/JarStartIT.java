package org.broadsheet;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Starts the packaged jar as an operator would (run by failsafe after {@code package}). */
@Tag("jar")
class JarStartIT {

    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void serveLoadsTheDemoContentIntoAFreshDataFolderAndServesTheHomePage() throws Exception {
        int port = freePort();
        Path data = tempDir.resolve("data");
        Launched server = launch("serve", "--port", String.valueOf(port), "--data", data.toString());
        try {
            awaitReady(server, port);

            HttpResponse<String> home = get(port, "/");
            Document page = Jsoup.parse(home.body());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(page.select(".lead-story h2 a").attr("href")).matches("/[a-z0-9/-]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/");
            assertThat(page.select(".story")).hasSizeGreaterThan(10);
            assertThat(page.select(".section-block")).isNotEmpty();
            assertThat(data.resolve("broadsheet.db")).isRegularFile();
            // a newcomer's first minute: search answers, the first article has its comment form and related posts
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
            HttpResponse<String> search = get(port, "/search?q=election");
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(search.body()).select(".search-results h2 a")).isNotEmpty();
            Document article = Jsoup.parse(get(port, page.select(".lead-story h2 a").attr("href")).body());
            assertThat(article.select("#commentform")).hasSize(1);
            assertThat(article.select("[aria-labelledby=related-heading] a.headline")).isNotEmpty();
        } finally {
            server.process().destroy();
            assertThat(server.process().waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void helpIsShownForTheProgramAndForServe() {
        Finished program = run("--help");
        Finished serve = run("serve", "--help");

        assertThat(program.exitCode()).isZero();
        assertThat(program.stdout()).contains("serve");
        assertThat(serve.exitCode()).isZero();
        assertThat(serve.stdout()).contains("--port", "--data", "--db", "--no-demo");
    }

    @Test
    void aBadArgumentIsRefusedWithOneLine() {
        Finished result = run("serve", "--port", "abc", "--data", tempDir.resolve("data").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderrLines()).singleElement().asString().contains("--port").contains("abc");
    }

    @Test
    void aTakenPortIsRefusedWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            String port = String.valueOf(taken.getLocalPort());

            Finished result = run("serve", "--port", port, "--data", tempDir.resolve("data").toString(), "--no-demo");

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderrLines()).singleElement().asString().containsIgnoringCase("port").contains(port);
        }
    }

    @Test
    void anUnwritableDataFolderIsRefusedWithOneLine() throws IOException {
        Path regularFile = Files.writeString(tempDir.resolve("not-a-folder"), "x");

        Finished result = run("serve", "--port", String.valueOf(freePort()), "--data", regularFile.resolve("data").toString(), "--no-demo");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderrLines()).singleElement().asString().contains("data folder").contains("cannot be written");
    }

    private record Finished(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Finished run(String... args) {
        Launched launched = launch(args);
        Process process = launched.process();
        try {
            if (!process.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("broadsheet " + String.join(" ", args) + " did not exit within " + EXIT_DEADLINE);
            }
            return new Finished(process.exitValue(), launched.output("stdout"), launched.output("stderr"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code java -jar broadsheet.jar args…} with its output in files under the temp folder. */
    private Launched launch(String... args) {
        Path jar = Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar"));
        assertThat(jar).as("the packaged jar; run mvn package first").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        try {
            Path logs = Files.createTempDirectory(tempDir, "run-");
            Process process = new ProcessBuilder(command)
                    .directory(tempDir.toFile())
                    .redirectOutput(logs.resolve("stdout").toFile())
                    .redirectError(logs.resolve("stderr").toFile())
                    .start();
            return new Launched(process, logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started process and the folder holding its {@code stdout} and {@code stderr}. */
    private record Launched(Process process, Path logs) {
        String output(String stream) {
            try {
                return Files.readString(logs.resolve(stream));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Polls /readyz until it answers 200, the process dies, or the deadline passes; /healthz answers meanwhile. */
    private void awaitReady(Launched server, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                fail("serve exited with " + server.process().exitValue() + ": " + server.output("stderr"));
            }
            try {
                HttpResponse<String> ready = get(port, "/readyz");
                if (ready.statusCode() == 200) {
                    return;
                }
                assertThat(ready.statusCode() + " " + ready.body()).startsWith("503 starting: ");
                assertThat(get(port, "/healthz").statusCode()).as("alive while starting").isEqualTo(200);
            } catch (ConnectException notListeningYet) {
                // the server is still starting
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        fail("/readyz did not answer 200 within " + START_DEADLINE);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
