package org.broadsheet.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id hashing (password4j) with OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane. Verifying
 * against an unknown account checks a dummy hash with the same cost, so the answer takes as long
 * as for a real account. Thread-safe.
 */
final class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** Made at the first sign-in with an unknown name rather than at start, where it cost ~0.2 s of CPU. */
    private volatile String dummyHash;

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** True if the password matches; with a null hash, spends the same time and answers false. */
    boolean verify(String password, String hash) {
        if (hash == null) {
            Password.check(password, dummyHash()).with(ARGON2ID);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hash("not a real password: equalises sign-in timing");
            dummyHash = h; // a race makes two equivalent hashes; either serves
        }
        return h;
    }
}
