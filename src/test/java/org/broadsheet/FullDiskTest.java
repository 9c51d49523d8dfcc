package org.broadsheet;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.broadsheet.account.AccountService;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Section;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.storage.OutOfSpaceLog;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real full disk: the data folder on a small tmpfs, filled with a filler file while the site runs. Every write
 * is refused with 503, Retry-After and a plain message, leaves no temporary file and is logged once a minute;
 * once the filler is deleted every write works again, search included, without a restart. Needs root (or
 * another way to mount a tmpfs); skipped otherwise. Prints a timeline of what answered what.
 */
class FullDiskTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> timeline = new ArrayList<>();
    private final long t0 = System.nanoTime();
    private App app;
    private StaffClient staff;
    private Section section;
    private long commentedOn;

    private Path mount;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Path.of("target", "full-disk-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(mount);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()),
                "mounting a tmpfs is not permitted here");
        root.addAppender(logged);
        logged.start();
    }

    @AfterEach
    void unmount() throws Exception {
        root.detachAppender(logged);
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (mount != null) {
                run("umount", mount.toString());
            }
            System.out.println("Full disk timeline (ms since start):\n  " + String.join("\n  ", timeline));
        }
    }

    @Test
    void aFullDiskRefusesEveryWriteClearlyAndEverythingWorksAgainOnceSpaceReturns() throws Exception {
        Path data = mount.resolve("data");
        start(data, null);
        long draft = createDraft("Council budget draft");
        awaitIndexIdle();
        // An empty WAL, so that the next write must grow it: SQLite reuses the space of a checkpointed WAL.
        app.database().jdbi().useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        logged.list.clear();
        Path filler = fill(data.resolve("filler"), 0);
        mark("disk full (filler of " + Files.size(filler) / 1024 + " KB)");

        assertRefused(postComment("Nothing can be stored now"), "POST /comments");
        HttpResponse<String> save = save(draft, "Council budget, revised while full");
        assertRefused(save, "POST /newsroom/articles/{id} (save)");
        assertThat(Jsoup.parse(save.body()).getElementById("headline").val()).isEqualTo("Council budget, revised while full");
        HttpResponse<String> publish = publish(draft);
        assertRefused(publish, "POST /newsroom/articles/{id}/status (publish)");
        assertThat(Jsoup.parse(publish.body()).body().hasClass("newsroom")).as("the newsroom's own frame").isTrue();
        assertRefused(upload("Photo while full"), "POST /newsroom/articles (with a photo)");
        assertRefused(saveCommentRules(), "POST /newsroom/comment-settings");
        HttpResponse<String> invite = invite("bo@example.com");
        assertRefused(invite, "POST /newsroom/users (invite)");
        assertThat(Jsoup.parse(invite.body()).getElementById("invite-email").val()).isEqualTo("bo@example.com");
        assertThat(uploadLeftovers(data)).as("temporary upload files").isEmpty();

        assertThat(spaceReports()).as("reports within the same minute").hasSize(1);
        assertThat(spaceReports().get(0).getFormattedMessage()).contains("SQLITE_FULL");
        clock.advance(Duration.ofSeconds(61));
        assertRefused(postComment("A minute later, still full"), "POST /comments a minute later");
        assertThat(spaceReports()).as("reports after a minute").hasSize(2);
        assertNoStackTraces();

        Files.delete(filler);
        long freed = System.nanoTime();
        mark("filler deleted: space is back");
        expect(postComment("Stored again"), 303, "POST /comments");
        mark("first write accepted " + millisSince(freed) + " ms after space returned");
        expect(save(draft, "Council budget, revised"), 303, "save");
        expect(upload("Photo after recovery"), 303, "upload");
        expect(saveCommentRules(), 303, "comment settings");
        expect(invite("cy@example.com"), 200, "invite");
        long late = createDraft("Lighthouse keeper retires");
        expect(publish(late), 303, "publish");
        expect(publish(draft), 303, "publish of the article refused while full");
        awaitSearchFinds("lighthouse keeper");
        mark("search finds the article published after recovery, " + millisSince(freed) + " ms after space returned");
        awaitSearchFinds("council budget revised");
        assertThat(uploadLeftovers(data)).isEmpty();
    }

    /**
     * The database elsewhere (PostgreSQL on its own disk, say), the data folder full: publishing succeeds, the
     * search index's write fails and Lucene closes its writer. Search keeps answering; once space returns the next
     * change reopens the writer and the article it missed is caught up, without a restart.
     */
    @Test
    void theSearchIndexReopensAndCatchesUpAfterLuceneClosedItsWriterOnAFullDisk(@TempDir Path elsewhere) throws Exception {
        Path data = mount.resolve("data");
        start(data, "jdbc:sqlite:" + elsewhere.resolve("broadsheet.db"));
        expect(publish(createDraft("Harbour pilots strike")), 303, "publish before the disk fills");
        awaitSearchFinds("harbour pilots");
        logged.list.clear();
        // Room for the index's small "uncommitted" marker, not for the segment Lucene then flushes.
        Path filler = fill(data.resolve("filler"), 4096);
        mark("index disk full but one page (filler of " + Files.size(filler) / 1024 + " KB)");

        expect(publish(createDraft("Ferry timetable changes")), 303, "publish while the index disk is full (database elsewhere)");
        awaitIndexIdle();
        assertThat(spaceReports()).as("the index's failure, reported").hasSize(1);
        mark("index write refused: " + spaceReports().get(0).getFormattedMessage());
        awaitSearchFinds("harbour pilots");
        mark("search still answers from the last good reader");
        assertRefused(upload("Photo while full"), "POST /newsroom/articles (with a photo, media disk full)");
        assertThat(uploadLeftovers(data)).as("temporary upload files").isEmpty();
        assertNoStackTraces();

        Files.delete(filler);
        long freed = System.nanoTime();
        mark("filler deleted: space is back");
        expect(publish(createDraft("Lighthouse keeper retires")), 303, "publish after recovery");
        awaitSearchFinds("lighthouse keeper");
        mark("search finds the article published after recovery, " + millisSince(freed) + " ms after space returned");
        awaitSearchFinds("ferry timetable");
        mark("and the one the index missed while full, " + millisSince(freed) + " ms after space returned");
        awaitSearchFinds("harbour pilots");
        expect(upload("Photo after recovery"), 303, "upload");
    }

    private void start(Path data, String jdbcUrl) {
        app = App.start(Settings.forTest(data, jdbcUrl).withDemo(false), clock,
                CommentSettings.defaults().withTiming(Duration.ZERO, Duration.ZERO, 14));
        section = app.articles().createSection(null, "news", "News", "", 0);
        new AccountService(app.database().jdbi(), clock).addUser("ada@example.com", "Ada Admin", Role.ADMIN, PASSWORD);
        staff = StaffClient.signedIn(this::base, "ada@example.com", PASSWORD);
        commentedOn = app.articles().importPublished(List.of(new ArticleService.ImportedArticle(new ArticleDraft(section.id(), null,
                "Harbour reopens", "What happened.", "Paragraph one.", null, null, null, null, List.of("A Reporter"), List.of(), null),
                clock.instant().minus(Duration.ofHours(1))))).get(0);
        mark("site started, data folder on a 24 MB tmpfs" + (jdbcUrl == null ? "" : ", database elsewhere"));
    }

    // ---- the writes ----

    private HttpResponse<String> postComment(String text) {
        String token = TestApp.send(http, HttpRequest.newBuilder(uri("/comments/token?article=" + commentedOn)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", Long.toString(commentedOn));
        form.put("parent", "0");
        form.put("comment", text);
        form.put("author", "Reader");
        form.put("email", "reader" + System.nanoTime() + "@example.org");
        form.put("url", "");
        form.put("homepage", "");
        form.put("token", token);
        form.put("key", "");
        form.put("js", "");
        return TestApp.send(http, TestApp.formPost(uri("/comments"), StaffClient.encode(form), base()),
                HttpResponse.BodyHandlers.ofString());
    }

    private long createDraft(String headline) {
        staff.get("/newsroom/articles/new");
        HttpResponse<String> r = staff.post("/newsroom/articles", fields(headline));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
    }

    private HttpResponse<String> save(long id, String headline) {
        Map<String, String> form = fields(headline);
        form.put("version", Integer.toString(version(id)));
        return staff.post("/newsroom/articles/" + id, form);
    }

    private HttpResponse<String> publish(long id) {
        return staff.post("/newsroom/articles/" + id + "/status", Map.of("action", "publish", "version", Integer.toString(version(id))));
    }

    private int version(long id) {
        staff.get("/newsroom/articles/" + id);
        return app.articles().findById(id).orElseThrow().version();
    }

    private Map<String, String> fields(String headline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", headline);
        form.put("section", Long.toString(section.id()));
        form.put("standfirst", "A standfirst.");
        form.put("body", "The body of " + headline + ".");
        form.put("bylines", "Ann Writer");
        form.put("tags", "");
        return form;
    }

    private HttpResponse<String> upload(String headline) {
        staff.get("/newsroom/articles/new");
        String boundary = "----fulldisk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> form = fields(headline);
        form.put("_csrf", staff.csrf());
        form.put("leadAlt", "A grey square");
        form.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
                + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"leadImage\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestImages.png(1200, 800));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return staff.send(HttpRequest.newBuilder(uri("/newsroom/articles"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private HttpResponse<String> saveCommentRules() {
        staff.get("/newsroom/comment-settings");
        return staff.post("/newsroom/comment-settings", Map.of("policy", "APPROVE_ALL", "maxLinks", "2", "blocklist", "casino"));
    }

    private HttpResponse<String> invite(String email) {
        staff.get("/newsroom/users");
        return staff.post("/newsroom/users", Map.of("email", email, "name", "New Colleague", "role", "contributor"));
    }

    // ---- checks ----

    private void assertRefused(HttpResponse<String> r, String what) {
        mark(what + " → " + r.statusCode() + " Retry-After " + r.headers().firstValue("Retry-After").orElse("none"));
        assertThat(r.statusCode()).as(what).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).as(what).isPresent();
        Document page = Jsoup.parse(r.body());
        assertThat(page.text()).as(what).contains(FullDisk.MESSAGE).doesNotContain("Exception").doesNotContain("SQLITE");
    }

    private void expect(HttpResponse<String> r, int status, String what) {
        mark(what + " → " + r.statusCode());
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(status);
    }

    private List<ILoggingEvent> spaceReports() {
        return List.copyOf(logged.list).stream().filter(e -> e.getLoggerName().equals(OutOfSpaceLog.class.getName())).toList();
    }

    private void assertNoStackTraces() {
        assertThat(List.copyOf(logged.list)).as("no stack trace per request, no Jdbi wrapper hiding the cause")
                .noneMatch(e -> e.getThrowableProxy() != null)
                .noneMatch(e -> e.getFormattedMessage().contains("UnableToRestoreAutoCommitState"));
    }

    private long awaitSearchFinds(String words) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String page = TestApp.send(http, HttpRequest.newBuilder(uri("/search?q=" + words.replace(' ', '+'))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (Jsoup.parse(page).select("h2 a").eachText().stream().anyMatch(t -> t.toLowerCase().contains(words.split(" ")[0]))) {
                return System.nanoTime();
            }
            assertThat(System.nanoTime()).as("search finds \"%s\" within 30 s", words).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000);
        }
    }

    private void awaitIndexIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!app.search().ready() || !app.search().idle()) {
            assertThat(System.nanoTime()).as("index idle within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(10_000_000);
        }
    }

    // ---- the disk ----

    /**
     * Writes a file until the disk refuses more, in big then small pieces so that not even a page is left,
     * then gives {@code spare} bytes back.
     */
    private static Path fill(Path filler, int spare) throws IOException {
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int chunk : new int[] {1 << 20, 4096, 512}) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(ByteBuffer.wrap(bytes));
                    }
                } catch (IOException full) {
                    assertThat(full.getMessage()).contains("No space left on device");
                }
            }
            out.truncate(out.size() - spare);
        }
        return filler;
    }

    private static List<Path> uploadLeftovers(Path data) throws IOException {
        Path media = data.resolve("media");
        if (!Files.isDirectory(media)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(media)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".upload-")).toList();
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void mark(String what) {
        timeline.add(String.format("%6d  %s", millisSince(t0), what));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private String base() {
        return "http://localhost:" + app.port();
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }
}
