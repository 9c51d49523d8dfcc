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

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
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
        String boundary = "----broadsheet" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"leadImage\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return staff.send(HttpRequest.newBuilder(URI.create(f.base() + "/newsroom/articles"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", f.base())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void anUploadedPhotoIsCleanedResizedAndServedSafely() {
        f = new NewsroomFixture(dir);
        User u = f.user("ed@example.com", Role.EDITOR);
        var staff = f.signedIn(u);
        HttpResponse<String> missingAlt = upload(staff, TestImages.jpegWithExif(1800, 1200), "holiday.jpg", "");
        assertThat(missingAlt.statusCode()).isEqualTo(422);
        assertThat(missingAlt.body()).contains("alt text").contains("name=\"leadMediaId\"");
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
