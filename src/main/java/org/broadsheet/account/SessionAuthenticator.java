package org.broadsheet.account;

import io.javalin.http.Context;
import org.broadsheet.web.Authenticator;
import org.broadsheet.web.Principal;

import java.util.Optional;

/**
 * Finds the signed-in staff member from the session cookie, and writes and clears that cookie:
 * HttpOnly, SameSite=Lax, and Secure when the site's address is https. Thread-safe.
 */
public final class SessionAuthenticator implements Authenticator {

    public static final String COOKIE = "bs_session";
    /** The known-device cookie, sent only to the sign-in form; it stays at sign-out (it signs nobody in). */
    public static final String DEVICE_COOKIE = "bs_device";
    private static final String DEVICE_PATH = "/newsroom/sign-in";
    private static final String CACHED = "broadsheet.session-checked";

    private final AccountService accounts;
    private final boolean secure;

    public SessionAuthenticator(AccountService accounts, String baseUrl) {
        this.accounts = accounts;
        this.secure = baseUrl.startsWith("https:");
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        Optional<Principal> cached = ctx.attribute(CACHED);
        if (cached != null) {
            return cached;
        }
        Optional<Principal> found = accounts.session(ctx.cookie(COOKIE));
        ctx.attribute(CACHED, found);
        return found;
    }

    /**
     * Sets the cookie of a new session (a new id at every sign-in, so a planted id is worthless) and the
     * known-device cookie that lets this browser through sign-in throttling for this account.
     */
    public void start(Context ctx, AccountService.NewSession session) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/; Max-Age="
                + AccountService.ABSOLUTE_TIMEOUT.toSeconds() + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
        ctx.res().addHeader("Set-Cookie", DEVICE_COOKIE + "=" + session.deviceCookie() + "; Path=" + DEVICE_PATH + "; Max-Age="
                + DeviceCookies.LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        ctx.attribute(CACHED, Optional.of(session.principal()));
    }

    /** The known-device cookie this browser sent, or {@code null}. */
    public String deviceCookie(Context ctx) {
        return ctx.cookie(DEVICE_COOKIE);
    }

    public void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
