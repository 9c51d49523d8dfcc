package org.broadsheet.search.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.broadsheet.article.Section;
import org.broadsheet.article.SectionDirectory;
import org.broadsheet.search.SearchOutcome;
import org.broadsheet.search.SearchQuery;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchService;
import org.broadsheet.web.Role;
import org.broadsheet.web.SiteChrome;
import org.broadsheet.web.Templates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /search: reads the form, asks {@link SearchService}, renders. A form it cannot understand (an
 * unknown section, a date that is not a date) gets the page back with a message and a 400; a search
 * while the index is being rebuilt gets a friendly 503 with Retry-After.
 */
public final class SearchWeb {

    private static final int MAX_PARAM = 64;

    private final SearchService search;
    private final SectionDirectory sections;
    private final SiteChrome chrome;
    private final Templates templates;

    public SearchWeb(SearchService search, SectionDirectory sections, SiteChrome chrome, Templates templates) {
        this.search = search;
        this.sections = sections;
        this.chrome = chrome;
        this.templates = templates;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/search", this::search, Role.ANYONE);
    }

    private void search(Context ctx) {
        Form form = new Form(ctx);
        String query = SearchRequest.clean(form.q);
        String title = query.isEmpty() ? "Search" : "Search: " + query;
        SearchOutcome outcome = null;
        String error = form.error();
        if (error == null && !query.isEmpty()) {
            outcome = search.search(new SearchRequest(query, form.section, form.fromDate, form.toDate,
                    form.newest ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE, form.page));
        }
        if (error != null) {
            ctx.status(400);
        } else if (outcome != null && !outcome.available()) {
            ctx.status(503).header("Retry-After", "30");
        }
        ctx.header("Cache-Control", "no-cache");
        SearchPage page = new SearchPage(chrome.layoutNoIndex(title, "Search the news on " + chrome.siteName() + ".", "/search"),
                query, sectionOptions(), form.section == null ? "" : form.section.path(),
                form.fromDate == null ? "" : form.fromDate.toString(), form.toDate == null ? "" : form.toDate.toString(), form.newest,
                outcome, error);
        templates.send(ctx, "search/search.jte", page);
    }

    /**
     * GET /readyz: 200 "ready" once searches are answered and a small archive's related lists are there, until
     * then 503 with what is still being done (e.g. "starting: building the search index"), for load balancers
     * and start scripts. /healthz only says the process serves.
     */
    public void readiness(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("text/plain; charset=utf-8");
        search.notReadyBecause().ifPresentOrElse(
                why -> ctx.status(503).header("Retry-After", "1").result("starting: " + why),
                () -> ctx.result("ready"));
    }

    private List<SearchPage.SectionOption> sectionOptions() {
        List<SearchPage.SectionOption> options = new ArrayList<>();
        for (Section top : sections.topLevel()) {
            options.add(new SearchPage.SectionOption(top.path(), top.name(), false));
            for (Section child : sections.children(top)) {
                options.add(new SearchPage.SectionOption(child.path(), child.name(), true));
            }
        }
        return options;
    }

    /** The query string, read leniently: every problem becomes one message for the reader. */
    private final class Form {
        final String q;
        final String from;
        final String to;
        final boolean newest;
        Section section;
        LocalDate fromDate;
        LocalDate toDate;
        int page = 1;
        private final List<String> problems = new ArrayList<>();

        Form(Context ctx) {
            q = param(ctx, "q", 100_000);
            from = param(ctx, "from", MAX_PARAM);
            to = param(ctx, "to", MAX_PARAM);
            newest = "newest".equals(param(ctx, "sort", MAX_PARAM));
            String sectionPath = param(ctx, "section", 200);
            if (!sectionPath.isEmpty()) {
                section = sections.byPath(sectionPath).orElse(null);
                if (section == null) {
                    problems.add("There is no section called “" + sectionPath + "”.");
                }
            }
            fromDate = date(from, "From");
            toDate = date(to, "To");
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                problems.add("The “to” date is before the “from” date.");
            }
            String pageParam = param(ctx, "page", MAX_PARAM);
            if (!pageParam.isEmpty()) {
                try {
                    page = Integer.parseInt(pageParam);
                } catch (NumberFormatException e) {
                    page = 0;
                }
                if (page < 1) {
                    problems.add("The page number must be a whole number from 1.");
                    page = 1;
                }
            }
        }

        private LocalDate date(String value, String label) {
            if (value.isEmpty()) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(value);
                if (d.getYear() < 1 || d.getYear() > 9999) {
                    throw new DateTimeParseException("out of range", value, 0);
                }
                return d;
            } catch (DateTimeParseException e) {
                problems.add(label + " must be a date like 2024-05-31.");
                return null;
            }
        }

        String error() {
            return problems.isEmpty() ? null : String.join(" ", problems);
        }

        private static String param(Context ctx, String name, int max) {
            String v = ctx.queryParam(name);
            if (v == null) {
                return "";
            }
            String clean = SearchRequest.clean(v.length() > max ? v.substring(0, max) : v);
            return clean.length() > max ? clean.substring(0, max) : clean;
        }
    }
}
