package org.broadsheet.comment;


import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HMAC-SHA256 with the site's comment secret (kept in the database so every node shares it). Thread-safe:
 * a new {@link Mac} per call.
 */
final class Signer {

    private final byte[] secret;

    Signer(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the comment secret must have at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time. */
    boolean verify(String message, String signature) {
        return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

}
