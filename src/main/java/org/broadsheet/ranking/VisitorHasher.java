package org.broadsheet.ranking;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Turns a reader's address and user agent into an opaque visitor number: HMAC-SHA256 under a random
 * secret that lives only in memory and is replaced every UTC day, so a visitor number cannot be traced
 * back to an address, nor linked across days. Raw addresses are never kept. Thread-safe.
 */
public final class VisitorHasher {

    private static final long DAY_MILLIS = 86_400_000L;

    private record DayKey(long day, SecretKeySpec key) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile DayKey current;
    private final ThreadLocal<DayMac> macs = new ThreadLocal<>();

    /** A per-thread {@link Mac} (they are not thread-safe) and the day whose key it holds. */
    private static final class DayMac {
        final Mac mac;
        DayKey key;

        DayMac(DayKey key) throws GeneralSecurityException {
            this.mac = Mac.getInstance("HmacSHA256");
            this.key = key;
            mac.init(key.key());
        }
    }

    public VisitorHasher(Clock clock) {
        this.clock = clock;
    }

    /** The visitor number for this address and user agent today. */
    public long visitor(String address, String userAgent) {
        DayKey key = keyFor(Math.floorDiv(clock.millis(), DAY_MILLIS));
        try {
            DayMac dm = macs.get();
            if (dm == null) {
                dm = new DayMac(key);
                macs.set(dm);
            } else if (dm.key != key) {
                dm.mac.init(key.key());
                dm.key = key;
            }
            Mac mac = dm.mac;
            mac.update(bytes(address));
            mac.update((byte) 0);
            mac.update(bytes(userAgent));
            return ByteBuffer.wrap(mac.doFinal()).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private DayKey keyFor(long day) {
        DayKey k = current;
        if (k != null && k.day() == day) {
            return k;
        }
        synchronized (this) {
            k = current;
            if (k == null || k.day() != day) {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                k = new DayKey(day, new SecretKeySpec(secret, "HmacSHA256"));
                current = k;
            }
            return k;
        }
    }
}
