package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.SessionAuthenticator;
import org.broadsheet.account.User;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.Role;

import java.util.Locale;

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

    void signIn(Context ctx) {
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        String next = safeNext(ctx.formParam("next"));
        try {
            AccountService.NewSession session = accounts.signIn(email, ctx.formParam("password"), ctx.ip());
            sessions.start(ctx, session);
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (AccountService.ThrottledException e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            frame.send(ctx, "newsroom/signIn.jte", new NewsroomPages.SignInPage(frame.layout(ctx, "Sign in", "sign-in"), email, next,
                    e.getMessage()));
        } catch (AccountService.AccountException e) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            frame.send(ctx, "newsroom/signIn.jte", new NewsroomPages.SignInPage(frame.layout(ctx, "Sign in", "sign-in"), email, next,
                    e.getMessage()));
        }
    }

    /** Only our own newsroom pages are places to return to after sign-in (no open redirect). */
    static String safeNext(String next) {
        if (next != null && next.startsWith(NewsroomWeb.PREFIX) && !next.contains("//") && !next.contains("\\")
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
