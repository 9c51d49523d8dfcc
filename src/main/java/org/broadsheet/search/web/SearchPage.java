package org.broadsheet.search.web;

import org.broadsheet.search.SearchOutcome;
import org.broadsheet.web.Layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The search page: the form as the reader filled it in, and what was found.
 *
 * @param query    the cleaned query text, shown back in the form
 * @param section  the chosen section's path, or "" for all sections
 * @param from     the first day (yyyy-mm-dd), or "" when none or not a date
 * @param to       the last day, or ""
 * @param outcome  the results, or null when there was nothing to search for or the form had an error
 * @param error    what was wrong with the form, or null
 */
public record SearchPage(Layout layout, String query, List<SectionOption> sections, String section, String from, String to,
                         boolean newest, SearchOutcome outcome, String error) {

    public SearchPage {
        sections = List.copyOf(sections);
    }

    /** One choice in the section filter; subsections are indented under their parent. */
    public record SectionOption(String path, String label, boolean subsection) {
    }

    public boolean hasResults() {
        return outcome != null && outcome.available() && !outcome.results().items().isEmpty();
    }

    /** The query the results are for: the correction when one was used. */
    public String shownQuery() {
        return outcome != null && outcome.correctedTo() != null ? outcome.correctedTo() : query;
    }

    public String pageUrl(int page) {
        return url(shownQuery(), newest, page);
    }

    public String orderUrl(boolean byNewest) {
        return url(shownQuery(), byNewest, 1);
    }

    private String url(String text, boolean byNewest, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", text);
        params.put("section", section);
        params.put("from", from);
        params.put("to", to);
        params.put("sort", byNewest ? "newest" : "");
        params.put("page", page > 1 ? Integer.toString(page) : "");
        return "/search?" + params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
