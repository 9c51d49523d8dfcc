package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.SessionAuthenticator;
import org.broadsheet.account.User;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.Role;
import org.broadsheet.web.SameSitePaths;
import org.slf4j.MDC;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** Sign-in, sign-out, setting a password from a link, and the admins' user screen. */
final class AccountScreens {

    private final AccountService accounts;
    private final SessionAuthenticator sessions;
    private final NewsroomWeb.Frame frame;
    private final String baseUrl;
    private final FullDisk fullDisk;

    AccountScreens(AccountService accounts, SessionAuthenticator sessions, NewsroomWeb.Frame frame, String baseUrl,
                   FullDisk fullDisk) {
        this.fullDisk = fullDisk;
        this.accounts = accounts;
        this.sessions = sessions;
        this.frame = frame;
        this.baseUrl = baseUrl;
    }

    void signInForm(Context ctx) {
        if (sessions.authenticate(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        frame.send(ctx, "newsroom/signIn.jte", new NewsroomPages.SignInPage(frame.layout(ctx, "Sign in", "sign-in"), "",
                safeNext(ctx.queryParam("next")), null));
    }

    /**
     * Answers when the account service is done, which may be after a throttling wait: the request thread is
     * handed back meanwhile (there are only a few), and the answer is written on the thread that checked.
     */
    void signIn(Context ctx) {
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        String next = safeNext(ctx.formParam("next"));
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        ctx.future(() -> accounts.signIn(email, ctx.formParam("password"), ctx.ip(), sessions.deviceCookie(ctx)).handle((session, error) -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                answerSignIn(ctx, email, next, session, error instanceof CompletionException c ? c.getCause() : error);
                return null;
            } finally {
                MDC.clear();
            }
        }));
    }

    private void answerSignIn(Context ctx, String email, String next, AccountService.NewSession session, Throwable error) {
        if (error == null) {
            sessions.start(ctx, session);
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        if (error instanceof AccountService.ThrottledException) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60");
        } else if (error instanceof AccountService.AccountException) {
            ctx.status(HttpStatus.UNAUTHORIZED);
        } else if (error instanceof CancellationException) {
            ctx.header("Retry-After", "5");
            throw new ServiceUnavailableResponse("The newsroom is restarting. Please sign in again in a moment.");
        } else {
            throw error instanceof RuntimeException r ? r : new IllegalStateException(error);
        }
        frame.send(ctx, "newsroom/signIn.jte", new NewsroomPages.SignInPage(frame.layout(ctx, "Sign in", "sign-in"), email, next,
                error.getMessage()));
    }

    /** Only our own newsroom pages are places to return to after sign-in (no open redirect). */
    static String safeNext(String next) {
        if (SameSitePaths.isLocal(next) && next.startsWith(NewsroomWeb.PREFIX) && !next.contains("//")
                && !next.startsWith(NewsroomWeb.PREFIX + "/sign-")) {
            return next;
        }
        return NewsroomWeb.PREFIX;
    }

    void signOut(Context ctx) {
        accounts.signOut(NewsroomWeb.principal(ctx).sessionId());
        sessions.clear(ctx);
        ctx.redirect(NewsroomWeb.PREFIX + "/sign-in?done=signed-out", HttpStatus.SEE_OTHER);
    }

    void signOutEverywhere(Context ctx) {
        accounts.signOutEverywhere(NewsroomWeb.principal(ctx).userId());
        sessions.clear(ctx);
        ctx.redirect(NewsroomWeb.PREFIX + "/sign-in?done=everywhere", HttpStatus.SEE_OTHER);
    }

    void setPasswordForm(Context ctx) {
        String token = ctx.queryParam("token");
        User user = accounts.userForToken(token).orElse(null);
        if (user == null) {
            ctx.status(HttpStatus.NOT_FOUND);
        }
        frame.send(ctx, "newsroom/setPassword.jte", new NewsroomPages.SetPasswordPage(frame.layout(ctx, "Set your password", "sign-in"),
                token, user, user == null ? "This link is no longer valid. Ask an administrator for a new one." : null));
    }

    void setPassword(Context ctx) {
        String token = ctx.formParam("token");
        String password = ctx.formParam("password");
        User user = accounts.userForToken(token).orElse(null);
        try {
            if (password == null || !password.equals(ctx.formParam("confirm"))) {
                throw new AccountService.AccountException("The two passwords are not the same.");
            }
            accounts.setPassword(token, password);
            ctx.redirect(NewsroomWeb.PREFIX + "/sign-in?done=password", HttpStatus.SEE_OTHER);
        } catch (AccountService.AccountException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            frame.send(ctx, "newsroom/setPassword.jte", new NewsroomPages.SetPasswordPage(
                    frame.layout(ctx, "Set your password", "sign-in"), token, user, e.getMessage()));
        } catch (RuntimeException e) {
            if (!fullDisk.refuses(ctx, e)) {
                throw e;
            }
            frame.send(ctx, "newsroom/setPassword.jte", new NewsroomPages.SetPasswordPage(
                    frame.layout(ctx, "Set your password", "sign-in"), token, user, FullDisk.MESSAGE));
        }
    }

    void users(Context ctx) {
        sendUsers(ctx, null, null, null, "", "", Role.CONTRIBUTOR);
    }

    void invite(Context ctx) {
        String email = ctx.formParam("email");
        String name = ctx.formParam("name");
        Role role = role(ctx.formParam("role"));
        try {
            String token = accounts.invite(email, name, role);
            sendUsers(ctx, link(token), name, null, "", "", Role.CONTRIBUTOR);
        } catch (AccountService.AccountException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            sendUsers(ctx, null, null, e.getMessage(), email, name, role == null ? Role.CONTRIBUTOR : role);
        } catch (RuntimeException e) {
            if (!fullDisk.refuses(ctx, e)) {
                throw e;
            }
            sendUsers(ctx, null, null, FullDisk.MESSAGE, email, name, role == null ? Role.CONTRIBUTOR : role);
        }
    }

    void resetLink(Context ctx) {
        long id = NewsroomWeb.idParam(ctx, "id");
        String token = accounts.resetLink(id);
        sendUsers(ctx, link(token), accounts.user(id).map(User::name).orElse(""), null, "", "", Role.CONTRIBUTOR);
    }

    void changeRole(Context ctx) {
        Role role = role(ctx.formParam("role"));
        accounts.changeRole(NewsroomWeb.idParam(ctx, "id"), role, NewsroomWeb.principal(ctx));
        ctx.redirect(NewsroomWeb.PREFIX + "/users?done=role", HttpStatus.SEE_OTHER);
    }

    void deactivate(Context ctx) {
        accounts.deactivate(NewsroomWeb.idParam(ctx, "id"), NewsroomWeb.principal(ctx));
        ctx.redirect(NewsroomWeb.PREFIX + "/users?done=deactivated", HttpStatus.SEE_OTHER);
    }

    void reactivate(Context ctx) {
        accounts.reactivate(NewsroomWeb.idParam(ctx, "id"));
        ctx.redirect(NewsroomWeb.PREFIX + "/users?done=reactivated", HttpStatus.SEE_OTHER);
    }

    private void sendUsers(Context ctx, String link, String linkFor, String error, String email, String name, Role role) {
        frame.send(ctx, "newsroom/users.jte", new NewsroomPages.UsersPage(frame.layout(ctx, "Users", "users"), accounts.users(),
                link, linkFor, error, email == null ? "" : email, name == null ? "" : name, role));
    }

    private String link(String token) {
        return baseUrl + NewsroomWeb.PREFIX + "/set-password?token=" + token;
    }

    private static Role role(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            Role r = Role.valueOf(raw.strip().toUpperCase(Locale.ROOT));
            return r == Role.ANYONE ? null : r;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
