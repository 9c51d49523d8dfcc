package org.broadsheet.newsroom;

import org.broadsheet.StaffClient;
import org.broadsheet.account.User;
import org.broadsheet.article.Article;
import org.broadsheet.config.Settings;
import org.broadsheet.media.TestImages;
import org.broadsheet.storage.MutableClock;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MediaHttpTest {

    @TempDir
    Path dir;
    NewsroomFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> upload(StaffClient staff, byte[] file, String fileName, String alt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", staff.csrf());
        fields.put("headline", "Photo story");
        fields.put("section", String.valueOf(f.news.id()));
        fields.put("body", "Text.");
        fields.put("leadAlt", alt);
        fields.put("leadCaption", "The harbour at dawn.");
        fields.put("leadCredit", "Jo Lens");
        return new MultipartBody().fields(fields).file("leadImage", fileName, "image/jpeg", file).post(staff, "/newsroom/articles");
    }

    @Test
    void anUploadedPhotoIsCleanedResizedAndServedSafely() {
        f = new NewsroomFixture(dir);
        User u = f.user("ed@example.com", Role.EDITOR);
        var staff = f.signedIn(u);
        HttpResponse<String> missingAlt = upload(staff, TestImages.jpegWithExif(1800, 1200), "holiday.jpg", "");
        assertThat(missingAlt.statusCode()).isEqualTo(422);
        assertThat(missingAlt.body()).contains("alt text").contains("Choose the photo again").doesNotContain("name=\"leadMediaId\"");
        assertThat(mediaRows()).as("a refused form stores no photo").isZero();
        assertThat(mediaFiles()).isEmpty();
        HttpResponse<String> r = upload(staff, TestImages.jpegWithExif(1800, 1200), "holiday.jpg", "Boats in the harbour");
        assertThat(r.statusCode()).isEqualTo(303);
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
        Article a = f.app.articles().findById(id).orElseThrow();
        assertThat(a.leadImage()).isNotNull();
        assertThat(a.leadImage().srcset()).contains("-480.jpg 480w").contains("-960.jpg 960w").contains("-1600.jpg 1600w")
                .endsWith("1800w");
        HttpResponse<String> file = staff.get(a.leadImage().url());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(file.body()).doesNotContain(TestImages.SECRET).doesNotContain("Exif");
        f.app.newsroom().desk().transition(id, a.version(), org.broadsheet.article.DeskAction.PUBLISH, null, f.principal(u));
        String page = staff.get(f.app.articles().url(f.app.articles().findById(id).orElseThrow())).body();
        assertThat(page).contains("srcset=\"/media/").contains("480w").contains("alt=\"Boats in the harbour\"");
        assertThat(staff.get("/media/..%2Fbroadsheet.db").statusCode()).isEqualTo(404);
    }

    @Test
    void aPhotoOfSeveralMegabytesGoesThrough() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        byte[] big = TestImages.encode(noise(1100, 1100), "png");
        assertThat(big.length).isGreaterThan(3 * 1024 * 1024);
        assertThat(upload(staff, big, "big.png", "Noise").statusCode()).isEqualTo(303);
    }

    @Test
    void anythingButAnImageIsRefusedWhateverItsName() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        HttpResponse<String> r = upload(staff, "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "photo.jpg", "x");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not a JPEG, PNG, WebP or GIF image");
    }

    @Test
    void uploadsOverTheConfiguredSizeAreRefused() {
        Settings small = Settings.forTest(dir, null).withMaxUploadBytes(64 * 1024);
        f = new NewsroomFixture(dir, small, new MutableClock(NewsroomFixture.START));
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        // Large enough that the sender is still writing when the refusal is ready: the message must reach it
        // all the same (no reset connection), for every one of several tries.
        byte[] big = TestImages.encode(noise(600, 600), "png");
        assertThat(big.length).isGreaterThan(3 * (64 + 256) * 1024);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = upload(staff, big, "big.png", "Noise");
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("up to 64 KB").doesNotContain("Exception");
        }
    }

    private int mediaRows() {
        return f.app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media").mapTo(Integer.class).one());
    }

    /** Every file under the data folder's parent, by name, so a file written outside the media folder shows too. */
    private java.util.List<String> mediaFiles() {
        try (var walk = java.nio.file.Files.walk(f.settings.mediaDir())) {
            return walk.filter(java.nio.file.Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> photoForm(StaffClient staff) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", staff.csrf());
        fields.put("headline", "Photo story " + System.nanoTime());
        fields.put("section", String.valueOf(f.news.id()));
        fields.put("body", "Text.");
        fields.put("leadAlt", "Boats");
        return fields;
    }

    @Test
    void theUploadedFileNameNeverDecidesWhereAnythingIsWritten() throws Exception {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        String marker = "escape" + System.nanoTime();
        for (String name : new String[] {"../../" + marker + ".png", "..\\..\\" + marker + ".png", "/tmp/" + marker + ".png",
                marker + "\u0000.png", "C:\\" + marker + ".png"}) {
            HttpResponse<String> r = new MultipartBody().fields(photoForm(staff)).file("leadImage", name, "image/png",
                    TestImages.png(60, 40)).post(staff, "/newsroom/articles");
            assertThat(r.statusCode()).as(name).isIn(303, 400);
            assertThat(r.body()).doesNotContain("Exception");
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.contains(marker)).toList()).isEmpty();
        }
        assertThat(java.nio.file.Path.of("/tmp", marker + ".png")).doesNotExist();
        assertThat(mediaFiles()).isNotEmpty().allMatch(n -> n.matches("[0-9a-f]{32}(-\\d+)?\\.png"));
    }

    @Test
    void theContentDecidesTheTypeWhateverTheNameAndDeclaredTypeSay() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        HttpResponse<String> png = new MultipartBody().fields(photoForm(staff))
                .file("leadImage", "photo.jpg", "image/jpeg", TestImages.png(60, 40)).post(staff, "/newsroom/articles");
        assertThat(png.statusCode()).isEqualTo(303);
        assertThat(mediaFiles()).containsOnly(mediaFiles().get(0)).allMatch(n -> n.endsWith(".png"));
        HttpResponse<String> html = new MultipartBody().fields(photoForm(staff))
                .file("leadImage", "photo.png", "image/png", ("<html>" + TestImages.SCRIPT).getBytes(StandardCharsets.UTF_8))
                .post(staff, "/newsroom/articles");
        assertThat(html.statusCode()).isEqualTo(400);
        HttpResponse<String> svg = new MultipartBody().fields(photoForm(staff)).file("leadImage", "logo.svg", "image/svg+xml",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\">" + TestImages.SCRIPT + "</svg>").getBytes(StandardCharsets.UTF_8))
                .post(staff, "/newsroom/articles");
        assertThat(svg.statusCode()).isEqualTo(400);
        assertThat(svg.body()).contains("not a JPEG, PNG, WebP or GIF image");
        assertThat(mediaRows()).isOne();
    }

    @Test
    void aGifThatIsAlsoHtmlIsServedAsAnImageWithoutItsScript() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        HttpResponse<String> r = new MultipartBody().fields(photoForm(staff))
                .file("leadImage", "page.html", "text/html", TestImages.gifHtmlPolyglot()).post(staff, "/newsroom/articles");
        assertThat(r.statusCode()).isEqualTo(303);
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
        HttpResponse<String> file = staff.get(f.app.articles().findById(id).orElseThrow().leadImage().url());
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.body()).doesNotContain("<script").doesNotContain("<html");
    }

    @Test
    void aRefusedFormOrAPreviewLeavesNoPhotoBehind() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        Map<String, String> noHeadline = photoForm(staff);
        noHeadline.put("headline", "");
        HttpResponse<String> refused = new MultipartBody().fields(noHeadline)
                .file("leadImage", "a.png", "image/png", TestImages.png(600, 400)).post(staff, "/newsroom/articles");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Write a headline").contains("Choose the photo again");
        HttpResponse<String> preview = new MultipartBody().fields(photoForm(staff))
                .file("leadImage", "a.png", "image/png", TestImages.png(600, 400)).post(staff, "/newsroom/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(mediaRows()).isZero();
        assertThat(mediaFiles()).isEmpty();
    }

    @Test
    void anUnknownPhotoNumberIsAProblemNextToThePhotoNotAServerError() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        Map<String, String> form = photoForm(staff);
        form.put("leadMediaId", "987654");
        HttpResponse<String> r = new MultipartBody().fields(form).post(staff, "/newsroom/articles");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(org.jsoup.Jsoup.parse(r.body()).select("#leadImage-error").text()).contains("not in the library");
        form.put("leadMediaId", "x9evil");
        HttpResponse<String> junk = new MultipartBody().fields(form).post(staff, "/newsroom/articles");
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(junk.body()).contains("The photo number must be a positive whole number").doesNotContain("x9evil");
    }

    @Test
    void aMalformedMultipartBodyIsABadRequest() {
        f = new NewsroomFixture(dir);
        var staff = f.signedIn(f.user("ed@example.com", Role.EDITOR));
        staff.get("/newsroom/articles/new");
        String token = "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + staff.csrf() + "\r\n";
        for (String body : new String[] {token + "--b\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nno end",
                "garbage without any boundary", token + "--b\r\nno headers at all\r\n--b--\r\n"}) {
            HttpResponse<String> r = staff.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base() + "/newsroom/articles"))
                    .header("Content-Type", "multipart/form-data; boundary=b").header("Origin", f.base())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Exception");
        }
    }

    private static java.awt.image.BufferedImage noise(int w, int h) {
        var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt());
            }
        }
        return img;
    }
}
