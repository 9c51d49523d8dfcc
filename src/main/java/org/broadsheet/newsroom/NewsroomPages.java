package org.broadsheet.newsroom;

import org.broadsheet.account.User;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Correction;
import org.broadsheet.article.DeskAction;
import org.broadsheet.article.DeskRecords.Problem;
import org.broadsheet.web.DisplayTime;
import org.broadsheet.web.Paged;
import org.broadsheet.web.Role;

import java.util.List;

/** The typed page models of the newsroom templates. */
public final class NewsroomPages {

    private NewsroomPages() {
    }

    /** A 4xx or 5xx answer inside the newsroom's frame, with a way back to the desk. */
    public record ErrorScreen(StaffLayout layout, int status, String heading, String message) {
    }

    public record SignInPage(StaffLayout layout, String email, String next, String error) {
    }

    public record SetPasswordPage(StaffLayout layout, String token, User user, String error) {
    }

    public record UsersPage(StaffLayout layout, List<User> users, String link, String linkFor, String error,
                            String email, String name, Role role) {
        public List<Role> roles() {
            return List.of(Role.CONTRIBUTOR, Role.AUTHOR, Role.EDITOR, Role.ADMIN);
        }

        public String roleLabel(Role r) {
            return NewsroomText.role(r);
        }
    }

    public record StatusCount(ArticleStatus status, String label, int count) {
    }

    public record TimedRow(long articleId, String headline, String detail, DisplayTime time) {
    }

    public record DashboardPage(StaffLayout layout, List<StatusCount> counts, List<TimedRow> scheduled, List<TimedRow> activity) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record ListRow(long id, String headline, String status, String statusCode, String section, DisplayTime updated,
                          String publicUrl) {
    }

    /** The article list; {@code query} is the filter as a query string, for paging links. */
    public record ArticlesPage(StaffLayout layout, Paged<ListRow> list, List<Option> statuses, List<Option> sections,
                               List<Option> authors, String search, String query) {
    }

    /** Problems with a form's fields. */
    public record Problems(List<Problem> list) {
        public static final Problems NONE = new Problems(List.of());

        public String get(String field) {
            return list.stream().filter(p -> p.field().equals(field)).map(Problem::message).findFirst().orElse(null);
        }

        public boolean any() {
            return !list.isEmpty();
        }
    }

    public record EditorPage(StaffLayout layout, Long id, int version, ArticleStatus status, String statusLabel,
                             EditorForm form, String leadImageUrl, Problems problems, String error, List<Option> sections,
                             List<DeskAction> actions, String scheduleAt, String publicUrl, DisplayTime publishedAt,
                             List<Correction> corrections, boolean canCorrect, String maxUpload) {
        public boolean isNew() {
            return id == null;
        }

        public String formAction() {
            return id == null ? "/newsroom/articles" : "/newsroom/articles/" + id;
        }

        public String actionCode(DeskAction a) {
            return a.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record RevisionRow(long id, int version, DisplayTime savedAt, String savedBy, String note) {
    }

    public record RevisionsPage(StaffLayout layout, long articleId, String headline, int version, List<RevisionRow> revisions,
                                RevisionRow from, RevisionRow to, List<TextDiff.Line> diff, boolean canRestore) {
    }
}
