package org.broadsheet.media;

import org.broadsheet.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaLibraryTest {

    @TempDir
    Path dir;
    Database db;
    MediaLibrary library;

    @BeforeEach
    void open() throws IOException {
        db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        Files.createDirectories(dir.resolve("media"));
        library = new MediaLibrary(db.jdbi(), dir.resolve("media"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private byte[] stored(String name) throws IOException {
        return Files.readAllBytes(dir.resolve("media").resolve(name));
    }

    @Test
    void jpegLosesItsExifAndGpsAndGetsNarrowerCopies() throws IOException {
        byte[] upload = TestImages.jpegWithExif(1200, 800);
        assertThat(TestImages.contains(upload, TestImages.SECRET)).isTrue();
        MediaLibrary.StoredImage img = library.store(upload);
        assertThat(img.mimeType()).isEqualTo("image/jpeg");
        assertThat(img.width()).isEqualTo(1200);
        byte[] out = stored(img.fileName());
        assertThat(TestImages.contains(out, TestImages.SECRET)).isFalse();
        assertThat(TestImages.contains(out, "Exif")).isFalse();
        String base = img.fileName().replace(".jpg", "");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored(base + "-480.jpg"))).getWidth()).isEqualTo(480);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored(base + "-960.jpg"))).getHeight()).isEqualTo(640);
        assertThat(dir.resolve("media").resolve(base + "-1600.jpg")).doesNotExist();
    }

    @Test
    void aSidewaysPhoneJpegIsTurnedUprightBeforeItsExifIsDropped() throws IOException {
        MediaLibrary.StoredImage img = library.store(TestImages.jpegWithOrientation(300, 200, 6));
        assertThat(img.width()).isEqualTo(200);
        assertThat(img.height()).isEqualTo(300);
        var upright = ImageIO.read(new ByteArrayInputStream(stored(img.fileName())));
        int topRight = upright.getRGB(195, 4);
        assertThat(topRight & 0xFF).as("the stored top-left (blue) corner is now top right").isGreaterThan((topRight >> 16) & 0xFF);
        assertThat(TestImages.contains(stored(img.fileName()), "Exif")).isFalse();
    }

    @Test
    void pngLosesItsTextChunks() throws IOException {
        MediaLibrary.StoredImage img = library.store(TestImages.pngWithText(300, 200));
        assertThat(img.mimeType()).isEqualTo("image/png");
        assertThat(TestImages.contains(stored(img.fileName()), TestImages.SECRET)).isFalse();
    }

    @Test
    void webpIsReadAndStoredAsJpegOrPng() {
        MediaLibrary.StoredImage img = library.store(TestImages.WEBP);
        assertThat(img.width()).isEqualTo(1);
        assertThat(img.fileName()).matches("[0-9a-f]{32}\\.(jpg|png)");
    }

    @Test
    void gifBecomesAPngOfItsFirstFrame() {
        MediaLibrary.StoredImage img = library.store(TestImages.encode(TestImages.picture(100, 50), "gif"));
        assertThat(img.mimeType()).isEqualTo("image/png");
        assertThat(img.height()).isEqualTo(50);
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        assertThatThrownBy(() -> library.store("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MediaLibrary.UnsupportedImageException.class).hasMessageContaining("not a JPEG, PNG, WebP or GIF");
        byte[] truncated = java.util.Arrays.copyOf(TestImages.encode(TestImages.picture(50, 50), "png"), 40);
        assertThatThrownBy(() -> library.store(truncated)).isInstanceOf(MediaLibrary.UnsupportedImageException.class);
    }

    @Test
    void theSameImageTwiceIsStoredOnce() {
        byte[] bytes = TestImages.jpegWithExif(200, 100);
        assertThat(library.store(bytes).id()).isEqualTo(library.store(bytes).id());
    }

    private long files() throws IOException {
        try (var list = Files.list(dir.resolve("media"))) {
            return list.count();
        }
    }

    private int rows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media").mapTo(Integer.class).one());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeAnyPixelIsDecoded() throws IOException {
        byte[] bomb = TestImages.blankPng(30_000, 30_000);
        assertThat(bomb.length).as("900 megapixels in a small file").isLessThan(200_000);
        assertThatThrownBy(() -> library.store(bomb)).isInstanceOf(MediaLibrary.UnsupportedImageException.class)
                .hasMessageContaining("30000 × 30000").hasMessageContaining("50 megapixels");
        assertThat(files()).isZero();
        assertThat(rows()).isZero();
    }

    @Test
    void anImageJustOverFiftyMegapixelsIsRefused() {
        assertThatThrownBy(() -> library.store(TestImages.blankPng(7_100, 7_100)))
                .isInstanceOf(MediaLibrary.UnsupportedImageException.class).hasMessageContaining("7100 × 7100");
        assertThat(library.store(TestImages.blankPng(7_000, 7_000)).width()).isEqualTo(7_000);
    }

    @Test
    void aGifThatIsAlsoHtmlIsStoredAsAPlainPngWithoutTheScript() throws IOException {
        byte[] polyglot = TestImages.gifHtmlPolyglot();
        assertThat(TestImages.contains(polyglot, TestImages.SCRIPT)).isTrue();
        MediaLibrary.StoredImage img = library.store(polyglot);
        assertThat(img.mimeType()).isEqualTo("image/png");
        assertThat(img.fileName()).endsWith(".png");
        byte[] out = stored(img.fileName());
        assertThat(TestImages.contains(out, "<script")).isFalse();
        assertThat(TestImages.contains(out, "<html")).isFalse();
    }

    @Test
    void svgIsRefusedSinceItCanCarryScript() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> library.store(svg)).isInstanceOf(MediaLibrary.UnsupportedImageException.class)
                .hasMessageContaining("not a JPEG, PNG, WebP or GIF");
    }

    @Test
    void aPreparedImageTouchesNeitherTheFolderNorTheDatabaseUntilStored() throws IOException {
        MediaLibrary.PreparedImage prepared = library.prepare(TestImages.jpegWithExif(1000, 600));
        assertThat(files()).isZero();
        assertThat(rows()).isZero();
        MediaLibrary.StoredImage img = library.store(prepared);
        assertThat(img.width()).isEqualTo(1000);
        assertThat(files()).as("the photo and its 480 and 960 copies").isEqualTo(3);
        assertThat(rows()).isOne();
    }

    @Test
    void decodingWaitsForAFreeSlotAndGivesUpWhenNoneComes() throws Exception {
        DecodeSlots slots = new DecodeSlots(2, java.time.Duration.ZERO);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> slots.run(() -> {
                    inside.countDown();
                    try {
                        return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            assertThat(inside.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> slots.run(() -> "third")).as("a third decode while two run")
                    .isInstanceOf(MediaLibrary.BusyException.class).hasMessageContaining("again in a moment");
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(slots.run(() -> "after")).isEqualTo("after");
    }
}
