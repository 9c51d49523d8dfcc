package org.broadsheet.account;

import org.jdbi.v3.core.Jdbi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Known-device cookies (OWASP, "Slow down online guessing attacks with device cookies"): after a successful
 * sign-in the browser is given {@code EMAIL.DEVICE.ISSUED.MAC}, an HMAC-SHA256 under a secret kept in
 * {@code site_settings} (so it survives restarts and every node shares it). A sign-in presenting a valid one
 * for the same account is counted against that device instead of the account and the address, so nobody
 * else's failures can slow the real user down on their own browser. The cookie proves only that this browser
 * once knew the password: it signs nobody in. Thread-safe.
 */
final class DeviceCookies {

    static final Duration LIFETIME = Duration.ofDays(365);
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{1,400})\\.([A-Za-z0-9_-]{22})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    DeviceCookies(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new cookie value naming this account and a fresh device id. */
    String issue(String cleanEmail) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String message = B64.encodeToString(cleanEmail.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(id)
                + "." + clock.instant().getEpochSecond();
        return message + "." + mac(message);
    }

    /** The device id of a cookie value that is genuine, unexpired and names this account; empty otherwise. */
    Optional<String> deviceFor(String cookie, String cleanEmail) {
        if (cookie == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(cookie);
        if (!m.matches()) {
            return Optional.empty();
        }
        String message = cookie.substring(0, m.start(4) - 1);
        boolean genuine = MessageDigest.isEqual(mac(message).getBytes(StandardCharsets.US_ASCII), m.group(4).getBytes(StandardCharsets.US_ASCII));
        boolean fresh = Long.parseLong(m.group(3)) + LIFETIME.toSeconds() > clock.instant().getEpochSecond();
        boolean same = m.group(1).equals(B64.encodeToString(cleanEmail.getBytes(StandardCharsets.UTF_8)));
        return genuine && fresh && same ? Optional.of(m.group(2)) : Optional.empty();
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The site's device secret, made on first use; a race between nodes keeps the first one stored. */
    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            String stored = jdbi.inTransaction(h -> {
                h.createUpdate("INSERT INTO site_settings (name, value) VALUES ('sign-in.device-secret', :v) ON CONFLICT (name) DO NOTHING")
                        .bind("v", Base64.getEncoder().encodeToString(fresh)).execute();
                return h.createQuery("SELECT value FROM site_settings WHERE name = 'sign-in.device-secret'").mapTo(String.class).one();
            });
            k = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
