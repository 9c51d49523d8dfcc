package org.broadsheet.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A generated machine-readable document (feed, sitemap, robots.txt) with what conditional GET needs.
 *
 * @param etag         strong validator, quoted, derived from the bytes
 * @param lastModified when the newest thing in the document changed, or null when it holds nothing
 */
record XmlDocument(byte[] body, String contentType, String etag, Instant lastModified) {

    static XmlDocument of(String text, String contentType, Instant lastModified) {
        // the last guard: whatever a writer let through, the document stays readable XML
        byte[] bytes = XmlText.clean(text).getBytes(StandardCharsets.UTF_8);
        return new XmlDocument(bytes, contentType, etagOf(bytes), lastModified);
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
