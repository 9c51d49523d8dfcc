package org.broadsheet.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.SessionAuthenticator;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.DeskRecords;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.web.AccessCheck;
import org.broadsheet.web.Csrf;
import org.broadsheet.web.FullDisk;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.StaticAssets;
import org.broadsheet.web.Templates;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The newsroom's routes, each with the role it requires (the one {@link AccessCheck} enforces it; finer
 * per-article rules live in {@link ArticleDesk}). Handlers live in {@link AccountScreens},
 * {@link EditorScreens} and {@link DashboardScreen}.
 */
public final class NewsroomWeb {

    static final String PREFIX = "/newsroom";
    /** How many times the allowed size a refused body may be and still be read, so that the refusal reaches the sender. */
    private static final long DRAIN_FACTOR = 4;

    private final AccountScreens accountScreens;
    private final EditorScreens editorScreens;
    private final DashboardScreen dashboard;
    private final Frame frame;
    private final long maxUploadBytes;

    public NewsroomWeb(AccountService accounts, SessionAuthenticator sessions, ArticleService articles, ArticleDesk desk,
                       MediaLibrary media, SiteChrome chrome, Templates templates, StaticAssets assets, Csrf csrf,
                       long maxUploadBytes, FullDisk fullDisk, java.time.Clock clock) {
        Frame frame = new Frame(chrome.siteName(), csrf, List.of(assets.url("site.css"), assets.url("newsroom.css")),
                assets.url("favicon.svg"), templates);
        this.frame = frame;
        this.accountScreens = new AccountScreens(accounts, sessions, frame, chrome.baseUrl(), fullDisk);
        this.editorScreens = new EditorScreens(articles, desk, media, chrome, frame, maxUploadBytes, fullDisk, clock);
        this.dashboard = new DashboardScreen(desk, chrome.zone(), frame);
        this.maxUploadBytes = maxUploadBytes;
    }

    public void routes(RoutesConfig r) {
        r.before(PREFIX + "/*", this::limitSize);
        r.get(PREFIX, guard(dashboard::show), Role.CONTRIBUTOR);
        r.get(PREFIX + "/sign-in", guard(accountScreens::signInForm), Role.ANYONE);
        r.post(PREFIX + "/sign-in", guard(accountScreens::signIn), Role.ANYONE);
        r.get(PREFIX + "/set-password", guard(accountScreens::setPasswordForm), Role.ANYONE);
        r.post(PREFIX + "/set-password", guard(accountScreens::setPassword), Role.ANYONE);
        r.post(PREFIX + "/sign-out", guard(accountScreens::signOut), Role.CONTRIBUTOR);
        r.post(PREFIX + "/sign-out-everywhere", guard(accountScreens::signOutEverywhere), Role.CONTRIBUTOR);
        r.get(PREFIX + "/users", guard(accountScreens::users), Role.ADMIN);
        r.post(PREFIX + "/users", guard(accountScreens::invite), Role.ADMIN);
        r.post(PREFIX + "/users/{id}/role", guard(accountScreens::changeRole), Role.ADMIN);
        r.post(PREFIX + "/users/{id}/deactivate", guard(accountScreens::deactivate), Role.ADMIN);
        r.post(PREFIX + "/users/{id}/reactivate", guard(accountScreens::reactivate), Role.ADMIN);
        r.post(PREFIX + "/users/{id}/reset", guard(accountScreens::resetLink), Role.ADMIN);
        r.get(PREFIX + "/articles", guard(editorScreens::list), Role.CONTRIBUTOR);
        r.get(PREFIX + "/articles/new", guard(editorScreens::newForm), Role.CONTRIBUTOR);
        r.post(PREFIX + "/articles", guard(editorScreens::create), Role.CONTRIBUTOR);
        r.post(PREFIX + "/preview", guard(editorScreens::preview), Role.CONTRIBUTOR);
        r.get(PREFIX + "/articles/{id}", guard(editorScreens::edit), Role.CONTRIBUTOR);
        r.post(PREFIX + "/articles/{id}", guard(editorScreens::save), Role.CONTRIBUTOR);
        r.post(PREFIX + "/articles/{id}/status", guard(editorScreens::transition), Role.CONTRIBUTOR);
        r.get(PREFIX + "/articles/{id}/revisions", guard(editorScreens::revisions), Role.CONTRIBUTOR);
        r.post(PREFIX + "/articles/{id}/revisions/{rev}/restore", guard(editorScreens::restore), Role.CONTRIBUTOR);
        r.post(PREFIX + "/articles/{id}/corrections", guard(editorScreens::correct), Role.EDITOR);
    }

    /** An error answer for a newsroom address, in the newsroom's frame (for {@code ErrorPages.within}). */
    public void sendError(Context ctx, int status, String heading, String message) {
        ctx.status(status);
        frame.send(ctx, "newsroom/error.jte", new NewsroomPages.ErrorScreen(frame.layout(ctx, heading, ""), status, heading, message));
    }

    /** Refuses bodies larger than an upload may be before anything parses them. */
    private void limitSize(Context ctx) {
        long allowed = maxUploadBytes + 256 * 1024;
        long length = ctx.contentLength();
        if (length > allowed) {
            if (length <= DRAIN_FACTOR * allowed) {
                discardBody(ctx);
            }
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "The upload is too large: photos may be up to " + NewsroomText.size(maxUploadBytes) + ".");
        }
    }

    /**
     * Reads and drops a refused body. Answering while the browser is still sending makes the server close
     * the connection under it, and the browser then shows "connection reset" instead of the message above;
     * a body many times the limit is not worth the bandwidth and gets the closed connection.
     */
    private static void discardBody(Context ctx) {
        try (var in = ctx.req().getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The sender went away: there is nobody to answer.
        }
    }

    /** Turns the services' refusals into the matching HTTP answers. */
    private static Handler guard(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (DeskRecords.NotAllowedException e) {
                throw new ForbiddenResponse(e.getMessage());
            } catch (MediaLibrary.UnsupportedImageException | AccountService.AccountException e) {
                throw new BadRequestResponse(e.getMessage());
            } catch (MediaLibrary.BusyException e) {
                ctx.header("Retry-After", "10");
                throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), e.getMessage());
            }
        };
    }

    static Principal principal(Context ctx) {
        return AccessCheck.principal(ctx).orElseThrow(() -> new ForbiddenResponse("Please sign in first."));
    }

    /** A positive id from the path; anything else is a 400 whose message does not repeat what was sent. */
    static long idParam(Context ctx, String name) {
        Long id = optionalNumber(ctx.pathParam(name), "The number in this address");
        if (id == null) {
            throw new BadRequestResponse("The number in this address must be a positive whole number.");
        }
        return id;
    }

    /**
     * A positive whole number from a query or form field, or null when the field is missing or empty; anything
     * else is a 400 naming the field by {@code label}, never repeating the value.
     */
    static Long optionalNumber(String raw, String label) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!raw.matches("[0-9]{1,18}") || Long.parseLong(raw) < 1) {
            throw new BadRequestResponse(label + " must be a positive whole number.");
        }
        return Long.parseLong(raw);
    }

    /** What every newsroom screen shares: the frame's layout and the template engine. */
    record Frame(String siteName, Csrf csrf, List<String> stylesheets, String iconUrl, Templates templates) {

        StaffLayout layout(Context ctx, String title, String section) {
            return new StaffLayout(siteName, title + " · Newsroom · " + siteName, AccessCheck.principal(ctx).orElse(null),
                    csrf.token(ctx), stylesheets, iconUrl, section, NewsroomText.notice(ctx.queryParam("done")));
        }

        void send(Context ctx, String template, Object page) {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Robots-Tag", "noindex, nofollow");
            templates.send(ctx, template, page);
        }
    }
}
