package org.broadsheet.newsroom;

import org.broadsheet.StaffClient;
import org.broadsheet.account.User;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.DeskAction;
import org.broadsheet.web.Principal;
import org.broadsheet.web.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every newsroom action over real HTTP: allowed (2xx/3xx) or refused (403; a
 * signed-out GET is sent to sign-in). The table is written to target/role-matrix.md.
 */
class RoleMatrixTest {

    /** null = signed out. */
    /** Role names, null = signed out. Names rather than {@link Role}s keep Javalin types out of method signatures,
     * so the Javalin-free HTML-validation test run can still scan this class. */
    private final List<String> roles = java.util.Arrays.asList(null, "CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN");

    @TempDir
    Path dir;
    NewsroomFixture f;
    Principal owner;
    ArticleDesk desk;

    @BeforeEach
    void start() {
        f = new NewsroomFixture(dir);
        owner = f.principal(f.user("owner@example.com", Role.EDITOR));
        desk = f.app.newsroom().desk();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** What one cell needs: the acting user (null when signed out) and a client signed in as them. */
    record Actor(Principal me, StaffClient client) {
    }

    record Action(String name, String method, Function<Actor, String> path, Function<Actor, Map<String, String>> form) {
    }

    private long draftBy(Principal p) {
        return desk.create(f.draft("Draft " + System.nanoTime()), p);
    }

    private long publishedBy(Principal p) {
        long id = draftBy(p);
        desk.transition(id, 1, DeskAction.PUBLISH, null, owner);
        return id;
    }

    private String version(long id) {
        return String.valueOf(f.app.articles().findById(id).orElseThrow().version());
    }

    private Map<String, String> edit(long id) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("headline", "Edited " + id);
        m.put("section", String.valueOf(f.news.id()));
        m.put("body", "Edited text.");
        m.put("version", version(id));
        return m;
    }

    private Map<String, String> step(long id, String action) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("version", version(id));
        m.put("at", "2026-12-01T10:00");
        return m;
    }

    private Principal mine(Actor a) {
        return a.me() == null ? owner : a.me();
    }

    private List<Action> actions() {
        List<Action> list = new ArrayList<>();
        list.add(new Action("Open dashboard", "GET", a -> "/newsroom", null));
        list.add(new Action("List articles", "GET", a -> "/newsroom/articles", null));
        list.add(new Action("Open new-article form", "GET", a -> "/newsroom/articles/new", null));
        list.add(new Action("Create a draft", "POST", a -> "/newsroom/articles", a -> edit(draftBy(owner))));
        list.add(new Action("Preview", "POST", a -> "/newsroom/preview", a -> Map.of("headline", "P", "section", String.valueOf(f.news.id()))));
        long[] holder = new long[1];
        list.add(new Action("Open someone else's draft", "GET", a -> "/newsroom/articles/" + draftBy(owner), null));
        list.add(new Action("Save own draft", "POST", a -> "/newsroom/articles/" + (holder[0] = draftBy(mine(a))), a -> edit(holder[0])));
        list.add(new Action("Save someone else's draft", "POST", a -> "/newsroom/articles/" + (holder[0] = draftBy(owner)), a -> edit(holder[0])));
        list.add(new Action("Save own article in review", "POST", a -> {
            holder[0] = draftBy(mine(a));
            desk.transition(holder[0], 1, DeskAction.SUBMIT, null, owner);
            return "/newsroom/articles/" + holder[0];
        }, a -> edit(holder[0])));
        list.add(new Action("Submit own draft for review", "POST", a -> "/newsroom/articles/" + (holder[0] = draftBy(mine(a))) + "/status",
                a -> step(holder[0], "submit")));
        list.add(new Action("Publish own draft", "POST", a -> "/newsroom/articles/" + (holder[0] = draftBy(mine(a))) + "/status",
                a -> step(holder[0], "publish")));
        list.add(new Action("Schedule own draft", "POST", a -> "/newsroom/articles/" + (holder[0] = draftBy(mine(a))) + "/status",
                a -> step(holder[0], "schedule")));
        list.add(new Action("Publish someone else's draft", "POST", a -> "/newsroom/articles/" + (holder[0] = draftBy(owner)) + "/status",
                a -> step(holder[0], "publish")));
        list.add(new Action("Unpublish own article", "POST", a -> "/newsroom/articles/" + (holder[0] = publishedBy(mine(a))) + "/status",
                a -> step(holder[0], "unpublish")));
        list.add(new Action("Unpublish someone else's article", "POST", a -> "/newsroom/articles/" + (holder[0] = publishedBy(owner)) + "/status",
                a -> step(holder[0], "unpublish")));
        list.add(new Action("See revisions of someone else's article", "GET", a -> "/newsroom/articles/" + draftBy(owner) + "/revisions", null));
        list.add(new Action("Restore a revision of someone else's article", "POST", a -> {
            holder[0] = draftBy(owner);
            long rev = desk.revisions(holder[0], owner).get(0).id();
            return "/newsroom/articles/" + holder[0] + "/revisions/" + rev + "/restore";
        }, a -> Map.of("version", version(holder[0]))));
        list.add(new Action("Append a correction to own published article", "POST",
                a -> "/newsroom/articles/" + (holder[0] = publishedBy(mine(a))) + "/corrections",
                a -> Map.of("kind", "correction", "text", "A fix.")));
        list.add(new Action("Open user admin", "GET", a -> "/newsroom/users", null));
        list.add(new Action("Invite a user", "POST", a -> "/newsroom/users",
                a -> Map.of("name", "New Person", "email", "new" + System.nanoTime() + "@example.com", "role", "author")));
        list.add(new Action("Change a user's role", "POST", a -> "/newsroom/users/" + f.user("r" + System.nanoTime() + "@example.com",
                Role.CONTRIBUTOR).id() + "/role", a -> Map.of("role", "author")));
        list.add(new Action("Deactivate a user", "POST", a -> "/newsroom/users/" + f.user("d" + System.nanoTime() + "@example.com",
                Role.CONTRIBUTOR).id() + "/deactivate", a -> Map.of()));
        list.add(new Action("Sign out", "POST", a -> "/newsroom/sign-out", a -> Map.of()));
        return list;
    }

    /** The rules as the issue states them. */
    private static boolean expected(String action, String roleName) {
        if (roleName == null) {
            return false;
        }
        Role role = Role.valueOf(roleName);
        boolean author = role.includes(Role.AUTHOR);
        boolean editor = role.includes(Role.EDITOR);
        return switch (action) {
            case "Open someone else's draft", "See revisions of someone else's article", "Save own article in review",
                 "Publish own draft", "Schedule own draft", "Unpublish own article" -> author;
            case "Save someone else's draft", "Publish someone else's draft", "Unpublish someone else's article",
                 "Restore a revision of someone else's article", "Append a correction to own published article" -> editor;
            case "Open user admin", "Invite a user", "Change a user's role", "Deactivate a user" -> role == Role.ADMIN;
            default -> true;
        };
    }

    @Test
    void everyRoleAgainstEveryNewsroomAction() throws IOException {
        List<Action> actions = actions();
        StringBuilder table = new StringBuilder("| Action | signed out | contributor | author | editor | admin |\n|---|---|---|---|---|---|\n");
        List<String> mismatches = new ArrayList<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (Action action : actions) {
            table.append("| ").append(action.name()).append(' ');
            for (String role : roles) {
                Actor actor = actors.computeIfAbsent(role, r -> r == null ? new Actor(null, f.staff()) : signIn(r));
                String path = action.path().apply(actor);
                int status;
                if (action.method().equals("GET")) {
                    status = actor.client().get(path).statusCode();
                } else {
                    if (role == null) {
                        actor.client().get("/newsroom/sign-in");
                    }
                    status = actor.client().post(path, action.form().apply(actor)).statusCode();
                }
                boolean allowed = status == 200 || status == 303 || status == 302 && role != null;
                boolean refused = status == 403 || role == null && status == 302;
                boolean want = expected(action.name(), role);
                if (!(want ? allowed : refused)) {
                    mismatches.add(action.name() + " as " + role + " → " + status);
                }
                table.append("| ").append(allowed ? "allowed (" + status + ")" : refused ? (status == 302 ? "sign-in (302)" : "403") : "?" + status).append(' ');
                if (action.name().equals("Sign out") && role != null) {
                    actors.remove(role);
                }
            }
            table.append("|\n");
        }
        Files.createDirectories(Paths.get("target"));
        Files.writeString(Paths.get("target", "role-matrix.md"), table);
        assertThat(mismatches).as(table.toString()).isEmpty();
    }

    private Actor signIn(String roleName) {
        Role role = Role.valueOf(roleName);
        User u = f.user(role.name().toLowerCase() + "@example.com", role);
        f.clock.advance(Duration.ofSeconds(1));
        return new Actor(f.principal(u), f.signedIn(u));
    }
}
