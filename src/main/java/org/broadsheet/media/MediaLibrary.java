package org.broadsheet.media;

import org.jdbi.v3.core.Jdbi;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * Stores images in the media folder and records them in the database. The type is decided from the
 * bytes, never from a file name; the stored name is derived from the content. Thread-safe.
 */
public final class MediaLibrary {

    /** A stored image. */
    public record StoredImage(long id, String fileName, String mimeType, int width, int height) {
    }

    /** Raised for bytes that are not an image we accept; its message is fit for the uploader. */
    public static final class UnsupportedImageException extends RuntimeException {
        public UnsupportedImageException(String message) {
            super(message);
        }
    }

    private final Jdbi jdbi;
    private final Path folder;
    private final Clock clock;

    public MediaLibrary(Jdbi jdbi, Path folder, Clock clock) {
        this.jdbi = jdbi;
        this.folder = folder;
        this.clock = clock;
    }

    public StoredImage store(byte[] bytes) {
        ImageType type = ImageType.sniff(bytes);
        if (type == null) {
            throw new UnsupportedImageException("The file is not a JPEG, PNG, WebP or GIF image.");
        }
        int[] size = dimensions(bytes);
        String name = sha256(bytes).substring(0, 32) + "." + type.extension();
        Path target = folder.resolve(name);
        try {
            if (!Files.exists(target)) {
                Path tmp = Files.createTempFile(folder, ".upload-", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the media folder", e);
        }
        return jdbi.inTransaction(h -> {
            var existing = h.createQuery("SELECT id FROM media WHERE file_name = :n").bind("n", name).mapTo(Long.class).findOne();
            long id = existing.orElseGet(() -> h.createQuery("""
                            INSERT INTO media (file_name, mime_type, width, height, byte_size, created_at)
                            VALUES (:n, :t, :w, :h, :s, :c) RETURNING id""")
                    .bind("n", name).bind("t", type.mimeType()).bind("w", size[0]).bind("h", size[1])
                    .bind("s", bytes.length).bind("c", clock.millis()).mapTo(Long.class).one());
            return new StoredImage(id, name, type.mimeType(), size[0], size[1]);
        });
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

    private static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnsupportedImageException("The image could not be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnsupportedImageException("The image could not be read: it may be damaged.");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
