package org.broadsheet.security;

import org.broadsheet.App;
import org.broadsheet.StaffClient;
import org.broadsheet.account.AccountService;
import org.broadsheet.config.Settings;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11.6, uploads as an attacker sends them (hand-built multipart): a decompression bomb, files that only claim
 * to be images, a PNG with HTML appended, and file names that try to leave the media folder.
 */
class UploadAttackTest {

    @TempDir
    Path dir;
    App app;
    Settings settings;
    StaffClient staff;
    long section;

    @BeforeEach
    void start() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        settings = Settings.forTest(dir, null);
        app = App.start(settings, clock);
        new AccountService(app.database().jdbi(), clock).addUser("ed@example.com", "Ed", Role.EDITOR, "correct horse battery staple");
        staff = StaffClient.signedIn(() -> "http://localhost:" + app.port(), "ed@example.com", "correct horse battery staple");
        staff.get("/newsroom/articles/new");
        section = app.articles().createSection(null, "news", "News", "", 1).id();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> upload(byte[] file, String fileName, String contentType) {
        return Multipart.post(staff, "/newsroom/articles", Map.of("headline", "Upload " + System.nanoTime(), "section",
                Long.toString(section), "leadAlt", "A photo", "bylines", "Ed"), "leadImage", fileName, contentType, file);
    }

    @Test
    void aThirtyThousandPixelSquarePngThatCompressesSmallIsRefusedWithoutDecodingIt() {
        byte[] bomb = blackPng(30_000, 30_000);
        assertThat(bomb.length).isLessThan(1_000_000);
        long before = System.nanoTime();
        HttpResponse<String> r = upload(bomb, "bomb.png", "image/png");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("too large");
        assertThat(System.nanoTime() - before).as("answered from the header, not after inflating 900 million pixels")
                .isLessThan(10_000_000_000L);
    }

    @Test
    void filesThatOnlyClaimToBeImagesAreRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(svg, "photo.svg", "image/svg+xml").statusCode()).isEqualTo(400);
        assertThat(upload(svg, "photo.png", "image/png").statusCode()).isEqualTo(400);
        assertThat(upload(html, "photo.jpg", "image/jpeg").statusCode()).isEqualTo(400);
        assertThat(upload(html, "photo.html", "text/html").statusCode()).isEqualTo(400);
    }

    @Test
    void aPngWithHtmlAppendedIsStoredWithoutTheHtmlAndServedAsAnImageThatCannotBeSniffed() throws IOException {
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(TestImages.png(64, 64));
        polyglot.writeBytes("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(upload(polyglot.toByteArray(), "poly.png", "text/html").statusCode()).isEqualTo(303);
        try (Stream<Path> files = Files.walk(settings.mediaDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(TestImages.contains(Files.readAllBytes(f), "<script>")).as(f.toString()).isFalse();
                HttpResponse<String> served = staff.get("/media/" + f.getFileName());
                assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
                assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
    }

    /** A NUL byte in the name makes Jetty's multipart parser fail ("bad multipart", a 500 today): see docs/security.md. */
    @Test
    void fileNamesThatClimbOutOfTheMediaFolderAreIgnored() throws IOException {
        for (String name : new String[] {"../../../../escaped.png", "..\\..\\escaped.png", "/tmp/escaped.png", "%2e%2e%2fescaped.png",
                "escaped.png%00.html"}) {
            assertThat(upload(TestImages.png(40, 30), name, "image/png").statusCode()).as(name).isEqualTo(303);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("escaped"))).isEmpty();
        }
        assertThat(Files.exists(Path.of("/tmp/escaped.png"))).isFalse();
    }

    /** A 1-bit greyscale PNG of zeros, written row by row through a deflater: about 110 MB of pixels in a few hundred KB. */
    static byte[] blackPng(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream png = new DataOutputStream(out);
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {1, 0, 0, 0, 0});
            chunk(png, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
                byte[] row = new byte[1 + (width + 7) / 8];
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            }
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        png.writeInt(data.length);
        png.write(t);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        png.writeInt((int) crc.getValue());
    }
}
