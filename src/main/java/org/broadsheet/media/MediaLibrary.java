package org.broadsheet.media;

import org.broadsheet.web.Digests;
import org.jdbi.v3.core.Jdbi;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stores uploaded images in the media folder and records them in the database. The type is decided
 * from the bytes, never from a file name. Every image is decoded and encoded again, which drops all
 * metadata (EXIF with GPS positions, XMP, comments) after a JPEG's EXIF orientation has been applied to
 * the pixels; narrower copies are made for {@code srcset}
 * (480, 960 and 1600 pixels, only below the original width). Formats: JPEG stays JPEG, PNG stays PNG;
 * WebP (read with TwelveMonkeys; the JDK cannot write WebP) becomes JPEG, or PNG when it has
 * transparency; a GIF becomes a PNG of its first frame, since lead photos are still images. The stored
 * name is derived from the cleaned content. Thread-safe.
 */
public final class MediaLibrary {

    /** Widths of the narrower copies; must match {@code LeadImage.WIDTHS}. */
    static final int[] WIDTHS = {480, 960, 1600};
    /**
     * Larger images are refused from their header, before any pixel is decoded: a decompression bomb (a
     * 30,000 × 30,000 PNG of one colour is a few hundred kilobytes) would otherwise fill the heap.
     */
    static final long MAX_PIXELS = 50_000_000L;
    /** Images decoded at the same time; see {@link DecodeSlots}. */
    static final int DECODE_SLOTS = 2;

    /** A stored image. */
    public record StoredImage(long id, String fileName, String mimeType, int width, int height) {
    }

    /**
     * An upload decoded, cleaned and encoded again in memory, but not stored yet: a form is checked between
     * {@link #prepare} and {@link #store(PreparedImage)}, so a refused form leaves no file and no row behind.
     */
    public static final class PreparedImage {
        private final ImageType type;
        private final byte[] clean;
        private final Map<Integer, byte[]> copies;
        private final int width;
        private final int height;

        private PreparedImage(ImageType type, byte[] clean, Map<Integer, byte[]> copies, int width, int height) {
            this.type = type;
            this.clean = clean;
            this.copies = copies;
            this.width = width;
            this.height = height;
        }
    }

    /** Raised for bytes that are not an image we accept; its message is fit for the uploader. */
    public static final class UnsupportedImageException extends RuntimeException {
        public UnsupportedImageException(String message) {
            super(message);
        }
    }

    /** Raised when other photos took every decoding slot for too long; the uploader may try again shortly. */
    public static final class BusyException extends RuntimeException {
        public BusyException() {
            super("Other photos are being processed right now; please send the form again in a moment.");
        }
    }

    private final Jdbi jdbi;
    private final Path folder;
    private final Clock clock;
    private final DecodeSlots slots;

    public MediaLibrary(Jdbi jdbi, Path folder, Clock clock) {
        this(jdbi, folder, clock, new DecodeSlots(DECODE_SLOTS, Duration.ofSeconds(30)));
    }

    MediaLibrary(Jdbi jdbi, Path folder, Clock clock, DecodeSlots slots) {
        this.jdbi = jdbi;
        this.folder = folder;
        this.clock = clock;
        this.slots = slots;
    }

    /** Prepares and stores an image at once. */
    public StoredImage store(byte[] bytes) {
        return store(prepare(bytes));
    }

    /**
     * Decodes, cleans and encodes an upload in memory (in one of the {@link DecodeSlots}), refusing anything
     * that is not one of our image types by its bytes and anything over {@link #MAX_PIXELS}.
     */
    public PreparedImage prepare(byte[] bytes) {
        ImageType type = ImageType.sniff(bytes);
        if (type == null) {
            throw new UnsupportedImageException("The file is not a JPEG, PNG, WebP or GIF image.");
        }
        return slots.run(() -> {
            BufferedImage decoded = decode(bytes);
            BufferedImage image = type == ImageType.JPEG ? Orientation.apply(decoded, Orientation.of(bytes)) : decoded;
            boolean alpha = image.getColorModel().hasAlpha();
            ImageType out = type == ImageType.JPEG || type == ImageType.WEBP && !alpha ? ImageType.JPEG : ImageType.PNG;
            Map<Integer, byte[]> copies = new LinkedHashMap<>();
            for (int w : WIDTHS) {
                if (w < image.getWidth()) {
                    copies.put(w, encode(scale(image, w), out));
                }
            }
            return new PreparedImage(out, encode(image, out), copies, image.getWidth(), image.getHeight());
        });
    }

    /** Writes a prepared image's files and records it; the same image twice is one file and one row. */
    public StoredImage store(PreparedImage p) {
        ImageType out = p.type;
        byte[] clean = p.clean;
        String base = Digests.sha256Hex(clean).substring(0, 32);
        String name = base + "." + out.extension();
        write(name, clean);
        p.copies.forEach((w, bytes) -> write(base + "-" + w + "." + out.extension(), bytes));
        return jdbi.inTransaction(h -> {
            var existing = h.createQuery("SELECT id FROM media WHERE file_name = :n").bind("n", name).mapTo(Long.class).findOne();
            long id = existing.orElseGet(() -> h.createQuery("""
                            INSERT INTO media (file_name, mime_type, width, height, byte_size, created_at)
                            VALUES (:n, :t, :w, :h, :s, :c) RETURNING id""")
                    .bind("n", name).bind("t", out.mimeType()).bind("w", p.width).bind("h", p.height)
                    .bind("s", clean.length).bind("c", clock.millis()).mapTo(Long.class).one());
            return new StoredImage(id, name, out.mimeType(), p.width, p.height);
        });
    }

    public Optional<StoredImage> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, file_name, mime_type, width, height FROM media WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new StoredImage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .findOne());
    }

    private void write(String name, byte[] bytes) {
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            return;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(folder, ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // A full disk fails the write with the file already created: never leave it behind.
            deleteQuietly(tmp, e);
            throw e instanceof IOException io ? new UncheckedIOException("cannot write to the media folder", io) : (RuntimeException) e;
        }
    }

    private static void deleteQuietly(Path tmp, Exception failure) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The type and byte size of a stored file, as feeds announce it in enclosures. */
    public record FileFacts(long id, String mimeType, long byteSize) {
    }

    /** Type and size of the given media, keyed by id, in one query; unknown ids are absent. */
    public java.util.Map<Long, FileFacts> facts(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id, mime_type, byte_size FROM media WHERE id IN (<ids>)")
                .bindList("ids", java.util.List.copyOf(ids))
                .map((rs, ctx) -> new FileFacts(rs.getLong("id"), rs.getString("mime_type"), rs.getLong("byte_size")))
                .collectToMap(FileFacts::id, f -> f));
    }

    /** Decodes the first frame, refusing images too large to hold in memory. */
    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnsupportedImageException("The image could not be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the header alone: no pixel is read before the size is known to fit
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new UnsupportedImageException("The image is too large: " + width + " × " + height
                            + " pixels; photos may have up to " + MAX_PIXELS / 1_000_000 + " megapixels.");
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1) {
                    throw new UnsupportedImageException("The image could not be read.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnsupportedImageException u) {
                throw u;
            }
            throw new UnsupportedImageException("The image could not be read: it may be damaged.");
        }
    }

    private static BufferedImage scale(BufferedImage src, int width) {
        int height = Math.max(1, (int) Math.round((double) src.getHeight() * width / src.getWidth()));
        BufferedImage dst = new BufferedImage(width, height, src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return dst;
    }

    /** Encodes pixels only: the writers get no metadata, so none is written. */
    private static byte[] encode(BufferedImage image, ImageType type) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (type == ImageType.PNG) {
                ImageIO.write(image, "png", bytes);
                return bytes.toByteArray();
            }
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
                g.dispose();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
