package org.broadsheet.media;

import org.broadsheet.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaFilesTest {

    @TempDir
    Path dataDir;

    private TestApp site;

    @BeforeEach
    void start() {
        site = TestApp.in(dataDir).start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void storedImagesAreServedForAYearAndNeverSniffed() throws Exception {
        byte[] png = TestImages.png(640, 360);
        MediaLibrary.StoredImage image = site.media().store(png);

        HttpResponse<byte[]> response = site.getBytes("/media/" + image.fileName());

        assertThat(image.fileName()).matches("[0-9a-f]{32}\\.png");
        assertThat(image.width()).isEqualTo(640);
        assertThat(image.height()).isEqualTo(360);
        assertThat(Files.readAllBytes(dataDir.resolve("media").resolve(image.fileName()))).isEqualTo(png);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void storingTheSameImageTwiceKeepsOneFile() {
        byte[] png = TestImages.png(32, 32);

        assertThat(site.media().store(png)).isEqualTo(site.media().store(png));
    }

    @Test
    void onlyImagesAreAccepted() {
        assertThatThrownBy(() -> site.media().store("<html><script>alert(1)</script>".getBytes()))
                .isInstanceOf(MediaLibrary.UnsupportedImageException.class)
                .hasMessageContaining("not a JPEG, PNG, WebP or GIF");
    }

    @Test
    void namesOutsideTheMediaFolderOrOfMissingFilesAreNotFound() {
        for (String name : new String[] {"missing0000000000000000000000000.png", "..%2Fbroadsheet.db", "BROADSHEET.DB", "x.html"}) {
            assertThat(site.get("/media/" + name).statusCode()).as(name).isEqualTo(404);
        }
    }
}
