package org.broadsheet.account;

import org.broadsheet.web.Digests;

import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Staff accounts and their sessions: creating and inviting users, signing in (throttled, with equal
 * answers for unknown accounts and wrong passwords), session lookup and revocation. Session ids and
 * invitation tokens are 256-bit random values of which only a SHA-256 hash is stored. Thread-safe.
 */
public final class AccountService {

    /** A session expires this long after its last use… */
    static final Duration IDLE_TIMEOUT = Duration.ofDays(7);
    /** …and at the latest this long after sign-in. */
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(30);
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final String WRONG_CREDENTIALS = "The email address or the password is not right.";

    private final Jdbi jdbi;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();
    private final SignInGate gate;
    private final SecureRandom random = new SecureRandom();

    /** For tools without a server (the CLI): a sign-in that would have to wait is refused instead. */
    public AccountService(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, null);
    }

    /** @param delays where throttled sign-ins wait without holding a request thread */
    public AccountService(Jdbi jdbi, Clock clock, SignInDelays delays) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.gate = new SignInGate(jdbi, hasher, new SignInThrottle(jdbi, clock), new DeviceCookies(jdbi, clock), delays);
    }

    /** Raised for input a person must correct; the message says how. */
    public static final class AccountException extends RuntimeException {
        public AccountException(String message) {
            super(message);
        }
    }

    /** Raised when a sign-in cannot be checked now: too many attempts for its account or address are waiting. */
    public static final class ThrottledException extends RuntimeException {
        ThrottledException(String message) {
            super(message);
        }
    }

    /**
     * A new session: the raw id goes into the cookie and nowhere else. {@code deviceCookie} marks the browser
     * as a known device of this account (see {@link DeviceCookies}).
     */
    public record NewSession(String id, Principal principal, String deviceCookie) {
    }

    // ---- users ----

    /** Creates an active user with a password (the CLI's {@code user add}). */
    public User addUser(String email, String name, Role role, String password) {
        String cleanEmail = checkEmail(email);
        PasswordPolicy.problem(password, cleanEmail).ifPresent(p -> {
            throw new AccountException(p);
        });
        String hash = hasher.hash(password);
        return insertUser(cleanEmail, checkName(name), checkRole(role), hash);
    }

    /**
     * Creates a user without a password and returns the one-time token for the set-password link the
     * admin passes on (there is no mail server).
     */
    public String invite(String email, String name, Role role) {
        User user = insertUser(checkEmail(email), checkName(name), checkRole(role), null);
        return newPasswordToken(user.id());
    }

    /** A fresh set-password link token for an existing user (a forgotten password); old sessions stay. */
    public String resetLink(long userId) {
        user(userId).orElseThrow(() -> new AccountException("There is no such user."));
        return newPasswordToken(userId);
    }

    private String newPasswordToken(long userId) {
        String token = randomToken();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO password_tokens (token_hash, user_id, expires_at) VALUES (:t, :u, :e)")
                .bind("t", Digests.sha256Hex(token)).bind("u", userId).bind("e", clock.instant().plus(INVITATION_VALIDITY).toEpochMilli()).execute());
        return token;
    }

    /** The user a set-password token belongs to, if the token is valid. */
    public Optional<User> userForToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT u.* FROM password_tokens t JOIN users u ON u.id = t.user_id"
                        + " WHERE t.token_hash = :t AND t.expires_at > :now AND u.active = 1")
                .bind("t", Digests.sha256Hex(token)).bind("now", clock.millis()).map((rs, ctx) -> user(rs)).findOne());
    }

    /** Sets the password through a one-time link; the link is used up and every old session ends. */
    public User setPassword(String token, String password) {
        User user = userForToken(token).orElseThrow(() -> new AccountException("This link is no longer valid. Ask an administrator for a new one."));
        PasswordPolicy.problem(password, user.email()).ifPresent(p -> {
            throw new AccountException(p);
        });
        String hash = hasher.hash(password);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE users SET password_hash = :h WHERE id = :id").bind("h", hash).bind("id", user.id()).execute();
            h.execute("DELETE FROM password_tokens WHERE user_id = ?", user.id());
            h.execute("DELETE FROM sessions WHERE user_id = ?", user.id());
        });
        return user;
    }

    private User insertUser(String email, String name, Role role, String hash) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE email = :e").bind("e", email).mapTo(Integer.class).one() > 0) {
                throw new AccountException("There is already a user with the email address " + email + ".");
            }
            long id = h.createQuery("INSERT INTO users (email, name, role, password_hash, active, created_at)"
                            + " VALUES (:e, :n, :r, :h, 1, :c) RETURNING id")
                    .bind("e", email).bind("n", name).bind("r", role.name().toLowerCase(Locale.ROOT)).bind("h", hash)
                    .bind("c", clock.millis()).mapTo(Long.class).one();
            return findUser(h, id).orElseThrow();
        });
    }

    public List<User> users() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY active DESC, name, id").map((rs, ctx) -> user(rs)).list());
    }

    public Optional<User> user(long id) {
        return jdbi.withHandle(h -> findUser(h, id));
    }

    public boolean hasUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one()) > 0;
    }

    /** Deactivates a user; their sessions end at once. An admin cannot lock themselves out. */
    public void deactivate(long userId, Principal by) {
        if (userId == by.userId()) {
            throw new AccountException("You cannot deactivate your own account.");
        }
        int changed = jdbi.inTransaction(h -> {
            h.execute("DELETE FROM sessions WHERE user_id = ?", userId);
            h.execute("DELETE FROM password_tokens WHERE user_id = ?", userId);
            return h.createUpdate("UPDATE users SET active = 0 WHERE id = :id").bind("id", userId).execute();
        });
        if (changed == 0) {
            throw new AccountException("There is no such user.");
        }
    }

    public void reactivate(long userId) {
        if (jdbi.withHandle(h -> h.createUpdate("UPDATE users SET active = 1 WHERE id = :id").bind("id", userId).execute()) == 0) {
            throw new AccountException("There is no such user.");
        }
    }

    public void changeRole(long userId, Role role, Principal by) {
        if (userId == by.userId() && role != Role.ADMIN) {
            throw new AccountException("You cannot take the admin role from yourself; ask another admin.");
        }
        Role checked = checkRole(role);
        if (jdbi.withHandle(h -> h.createUpdate("UPDATE users SET role = :r WHERE id = :id")
                .bind("r", checked.name().toLowerCase(Locale.ROOT)).bind("id", userId).execute()) == 0) {
            throw new AccountException("There is no such user.");
        }
    }

    // ---- sign-in and sessions ----

    /**
     * Checks the password and opens a new session, after the wait the {@link SignInThrottle} sets for this
     * attempt (usually none; never a refusal of the right password). Unknown accounts, deactivated ones and
     * wrong passwords get the same answer after the same amount of work.
     *
     * @param deviceCookie the browser's known-device cookie, or {@code null}
     * @return completes at once when there is no wait, otherwise later on a {@link SignInDelays} thread; fails
     *         with {@link AccountException} for wrong credentials and {@link ThrottledException} when too many
     *         attempts for this account or address are waiting already
     */
    public CompletableFuture<NewSession> signIn(String email, String password, String address, String deviceCookie) {
        return gate.attempt(email, password, address, deviceCookie).thenApply(v -> openSession(v, address));
    }

    private NewSession openSession(SignInGate.Verified verified, String address) {
        String id = randomToken();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, address)"
                        + " VALUES (:id, :u, :now, :now, :exp, :a)")
                .bind("id", Digests.sha256Hex(id)).bind("u", verified.userId()).bind("now", now.toEpochMilli())
                .bind("exp", now.plus(ABSOLUTE_TIMEOUT).toEpochMilli()).bind("a", address).execute());
        return new NewSession(id, session(id).orElseThrow(), verified.deviceCookie());
    }

    /** The signed-in user of a session id from a cookie, if the session is alive and the user active. */
    public Optional<Principal> session(String sessionId) {
        if (sessionId == null || sessionId.length() != 43) {
            return Optional.empty();
        }
        long now = clock.millis();
        String hash = Digests.sha256Hex(sessionId);
        return jdbi.withHandle(h -> {
            var found = h.createQuery("SELECT u.id, u.name, u.email, u.role, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id"
                            + " WHERE s.id_hash = :id AND u.active = 1 AND s.expires_at > :now AND s.last_seen_at > :idle")
                    .bind("id", hash).bind("now", now).bind("idle", now - IDLE_TIMEOUT.toMillis())
                    .map((rs, ctx) -> new Object[] {new Principal(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Role.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), sessionId), rs.getLong(5)})
                    .findOne();
            found.filter(f -> now - (long) f[1] > TOUCH_INTERVAL.toMillis()).ifPresent(f ->
                    h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :id").bind("now", now).bind("id", hash).execute());
            return found.map(f -> (Principal) f[0]);
        });
    }

    public void signOut(String sessionId) {
        jdbi.useHandle(h -> h.execute("DELETE FROM sessions WHERE id_hash = ?", Digests.sha256Hex(sessionId)));
    }

    /** Ends every session of this user, on every device. */
    public void signOutEverywhere(long userId) {
        jdbi.useHandle(h -> h.execute("DELETE FROM sessions WHERE user_id = ?", userId));
    }

    /** How many live sessions a user has. */
    public int sessionCount(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE user_id = :u AND expires_at > :now")
                .bind("u", userId).bind("now", clock.millis()).mapTo(Integer.class).one());
    }

    // ---- helpers ----

    private static String checkEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new AccountException("Please give a valid email address, such as name@example.com.");
        }
        return e;
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 120) {
            throw new AccountException("Please give a name of 1 to 120 characters.");
        }
        return n;
    }

    private static Role checkRole(Role role) {
        if (role == null || role == Role.ANYONE) {
            throw new AccountException("Please choose a role: contributor, author, editor or admin.");
        }
        return role;
    }

    private static Optional<User> findUser(Handle h, long id) {
        return h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id).map((rs, ctx) -> user(rs)).findOne();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getInt("active") == 1,
                rs.getString("password_hash") != null, Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String humanize(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 120) {
            return s + " seconds";
        }
        return (s + 59) / 60 + " minutes";
    }
}
