package org.broadsheet.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/** Small images for tests, some carrying metadata that must not survive an upload. */
public final class TestImages {

    public static final String SECRET = "GPSLatitude 51.5007N secret-marker";
    /** A 1×1 lossless WebP. */
    public static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestImages() {
    }

    /** A PNG of the given size. */
    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), width, height, new Color(230, 180, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with an EXIF segment holding a (fake) GPS position right after the start marker. */
    public static byte[] jpegWithExif(int width, int height) {
        byte[] jpeg = encode(picture(width, height), "jpg");
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\b" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A JPEG stored sideways with an EXIF orientation tag (6 = turn 90° clockwise to view). */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        byte[] jpeg = encode(picture(width, height), "jpg");
        ByteBuffer exif = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        exif.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put("MM\0*".getBytes(StandardCharsets.ISO_8859_1)).putInt(8)
                .putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0).putInt(0);
        byte[] payload = exif.array();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG with a tEXt chunk after the header. */
    public static byte[] pngWithText(int width, int height) {
        byte[] png = encode(picture(width, height), "png");
        byte[] data = ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        int headerEnd = 8 + 25;
        ByteBuffer out = ByteBuffer.allocate(png.length + data.length + 12);
        out.put(png, 0, headerEnd).putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
        out.put(png, headerEnd, png.length - headerEnd);
        return out.array();
    }

    /**
     * A valid black-and-white PNG of any size, all white, written by hand so no test holds its pixels: one bit
     * a pixel, deflated, so 30,000 × 30,000 (900 megapixels) takes about 100 KB. The shape of a decompression bomb.
     */
    public static byte[] blankPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
            byte[] row = new byte[1 + (width + 7) / 8];
            java.util.Arrays.fill(row, (byte) 0xFF);
            row[0] = 0; // filter: none
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** What the polyglots below carry, to be looked for in anything stored or served. */
    public static final String SCRIPT = "<script>alert(document.domain)</script>";

    /**
     * A GIF that is also an HTML page: a real image whose comment block holds a script, with an HTML document
     * after the GIF's end. A browser sniffing it as HTML would run the script.
     */
    public static byte[] gifHtmlPolyglot() {
        byte[] gif = encode(picture(40, 30), "gif");
        int packed = gif[10] & 0xFF;
        int at = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
        byte[] text = ("<html><body>" + SCRIPT).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, at);
        out.write(0x21);
        out.write(0xFE);
        out.write(text.length);
        out.writeBytes(text);
        out.write(0);
        out.write(gif, at, gif.length - at);
        out.writeBytes(("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
