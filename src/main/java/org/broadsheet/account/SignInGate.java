package org.broadsheet.account;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a password under the {@link SignInThrottle}: picks the keys an attempt counts against (its device
 * if it presents a valid {@link DeviceCookies device cookie} for the account, otherwise the account and the
 * address), waits as long as they say through {@link SignInDelays}, then verifies. Unknown accounts,
 * deactivated ones and wrong passwords get the same answer after the same work and the same wait.
 * Thread-safe.
 */
final class SignInGate {

    /** A password that was right: whose it is, and the device cookie to give the browser. */
    record Verified(long userId, String deviceCookie) {
    }

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final DeviceCookies devices;
    private final SignInDelays delays;

    /** @param delays where delayed attempts wait; {@code null} (tools without a server) refuses them instead */
    SignInGate(Jdbi jdbi, PasswordHasher hasher, SignInThrottle throttle, DeviceCookies devices, SignInDelays delays) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.throttle = throttle;
        this.devices = devices;
        this.delays = delays;
    }

    /**
     * Completes with the verified user, or fails with {@link AccountService.AccountException} (wrong
     * credentials) or {@link AccountService.ThrottledException} (too many attempts waiting already).
     * Completes at once unless a wait is due; then on a {@link SignInDelays} thread.
     */
    CompletableFuture<Verified> attempt(String email, String password, String address, String deviceCookie) {
        String clean = SignInThrottle.Key.cleanEmail(email);
        Optional<String> device = devices.deviceFor(deviceCookie, clean);
        List<SignInThrottle.Key> keys = device.map(d -> List.of(SignInThrottle.Key.device(d)))
                .orElseGet(() -> List.of(SignInThrottle.Key.account(clean), SignInThrottle.Key.address(address)));
        Duration wait = throttle.waitFor(keys);
        if (wait.isZero() || wait.isNegative()) {
            try {
                return CompletableFuture.completedFuture(check(clean, password, keys, device));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        if (delays == null) {
            return CompletableFuture.failedFuture(new AccountService.ThrottledException(
                    "Too many failed sign-ins. Please wait " + AccountService.humanize(wait) + " before trying again."));
        }
        return delays.after(wait, keys, () -> check(clean, password, keys, device));
    }

    private Verified check(String clean, String password, List<SignInThrottle.Key> keys, Optional<String> device) {
        var row = jdbi.withHandle(h -> h.createQuery("SELECT id, password_hash FROM users WHERE email = :e AND active = 1")
                .bind("e", clean).map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).findOne());
        String hash = row.map(r -> (String) r[1]).orElse(null);
        if (!hasher.verify(password == null ? "" : password, hash)) {
            throttle.recordFailure(keys);
            throw new AccountService.AccountException(AccountService.WRONG_CREDENTIALS);
        }
        // The account's and the address's counts stay: the real user signing in must not reset a guesser's delay.
        device.ifPresent(d -> throttle.clear(SignInThrottle.Key.device(d)));
        return new Verified((long) row.get()[0], devices.issue(clean));
    }
}
