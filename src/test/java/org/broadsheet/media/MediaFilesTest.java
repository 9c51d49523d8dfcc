package org.broadsheet.media;

import org.broadsheet.FreshSite;
import org.broadsheet.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshSite.class)
class MediaFilesTest {

    @Test
    void storedImagesAreServedForAYearAndNeverSniffed(TestApp site) throws Exception {
        byte[] png = TestImages.png(640, 360);
        MediaLibrary.StoredImage image = site.media().store(png);

        HttpResponse<byte[]> response = site.getBytes("/media/" + image.fileName());

        assertThat(image.fileName()).matches("[0-9a-f]{32}\\.png");
        assertThat(image.width()).isEqualTo(640);
        assertThat(image.height()).isEqualTo(360);
        assertThat(Files.readAllBytes(site.dataDir().resolve("media").resolve(image.fileName()))).isEqualTo(png);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void storingTheSameImageTwiceKeepsOneFile(TestApp site) {
        byte[] png = TestImages.png(32, 32);

        assertThat(site.media().store(png)).isEqualTo(site.media().store(png));
    }

    @Test
    void onlyImagesAreAccepted(TestApp site) {
        assertThatThrownBy(() -> site.media().store("<html><script>alert(1)</script>".getBytes()))
                .isInstanceOf(MediaLibrary.UnsupportedImageException.class)
                .hasMessageContaining("not a JPEG, PNG, WebP or GIF");
    }

    @Test
    void namesOutsideTheMediaFolderOrOfMissingFilesAreNotFound(TestApp site) {
        for (String name : new String[] {"missing0000000000000000000000000.png", "..%2Fbroadsheet.db", "BROADSHEET.DB", "x.html"}) {
            assertThat(site.get("/media/" + name).statusCode()).as(name).isEqualTo(404);
        }
    }
}
