package org.broadsheet.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BodyRenderer;
import org.broadsheet.article.Section;
import org.broadsheet.article.SentenceBreaks;
import org.broadsheet.article.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads the 293 English Wikinews articles (of 295 rows, two are Wikinews' test pages) (CC BY 2.5) shipped in {@code /demo/wikinews/} into an empty
 * store: the reviewed section tree, each article in its section with its tags, its real date and a
 * credit to Wikinews with the link and licence.
 */
public final class WikinewsDemo {

    private static final Logger log = LoggerFactory.getLogger(WikinewsDemo.class);
    private static final String FOLDER = "/demo/wikinews/";
    static final String BYLINE = "Wikinews contributors";
    private static final Pattern DATELINE = Pattern.compile(
            "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \\d{1,2}, \\d{4}");
    /** A lede that starts with the date on a line of its own: "Friday, March 29, 2019 \nToronto Comicon…". */
    private static final Pattern DATELINE_LINE = Pattern.compile("^" + DATELINE.pattern() + " ?\\n\\s*");
    private static final int MAX_STANDFIRST = 320;

    private final ArticleService articles;
    private final ObjectMapper json = new ObjectMapper();

    public WikinewsDemo(ArticleService articles) {
        this.articles = articles;
    }

    /** Loads the demo content; returns the number of articles loaded. */
    public int load() {
        Map<String, Section> sections = loadSections();
        Map<String, String[]> placement = readPlacement();
        List<ArticleService.ImportedArticle> items = new ArrayList<>();
        for (String line : lines("articles.jsonl")) {
            JsonNode row = readJson(line);
            String title = row.get("title").asText().strip();
            if (title.startsWith("TEST PAGE")) {
                continue; // Wikinews' own test pages, not news
            }
            String url = row.get("url").asText();
            String[] place = placement.get(url);
            if (place == null) {
                throw new IllegalStateException("no section for demo article " + url);
            }
            items.add(toArticle(row, title, url, sections.get(place[0]), place[1]));
        }
        articles.importPublished(items);
        log.info("loaded {} Wikinews demo articles", items.size());
        return items.size();
    }

    private ArticleService.ImportedArticle toArticle(JsonNode row, String title, String url, Section section, String tags) {
        List<DemoParagraph> paragraphs = new ArrayList<>(bodyParagraphs(row.get("text").asText()));
        String standfirst = paragraphs.isEmpty() ? "" : firstSentence(paragraphs.get(0).plain());
        // The lede sentence becomes the standfirst, so the body goes on from the next sentence.
        if (!paragraphs.isEmpty() && paragraphs.get(0).speaker() == null && paragraphs.get(0).text().startsWith(standfirst)) {
            String rest = paragraphs.get(0).text().substring(standfirst.length()).strip();
            if (rest.isEmpty()) {
                paragraphs.remove(0);
            } else {
                paragraphs.set(0, new DemoParagraph(null, rest));
            }
        }
        String markdown = String.join("\n\n", paragraphs.stream().map(DemoParagraph::markdown).toList());
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        ArticleDraft draft = new ArticleDraft(section.id(), null, title, standfirst, markdown, null, null, null, null,
                List.of(BYLINE), tagList, new Source("Wikinews", url, "CC BY 2.5", "https://creativecommons.org/licenses/by/2.5/"));
        LocalDate date = LocalDate.parse(row.get("date").asText());
        return new ArticleService.ImportedArticle(draft, date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }

    /**
     * The text's paragraphs without Wikinews' review banners and the dateline, which is metadata (a paragraph of
     * its own, or the first line of the lede), with the transcripts' speaker markers read into speakers.
     */
    static List<DemoParagraph> bodyParagraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            String clean = p.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip();
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        int skip = 0;
        while (skip < paragraphs.size() && skip < 4) {
            String p = paragraphs.get(skip);
            if (DATELINE.matcher(p).matches() || p.startsWith("This article requires pre-publication review")
                    || p.startsWith("-Article last amended")) {
                skip++;
            } else {
                break;
            }
        }
        List<DemoParagraph> kept = new ArrayList<>();
        for (String p : paragraphs.subList(skip, paragraphs.size())) {
            DemoParagraph paragraph = DemoParagraph.of(kept.isEmpty() ? DATELINE_LINE.matcher(p).replaceFirst("") : p);
            if (!paragraph.text().isEmpty()) {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    /** The paragraph's sentences ({@link SentenceBreaks}' rules), without the white space between them. */
    static List<String> sentences(String paragraph) {
        return SentenceBreaks.sentences(paragraph);
    }

    static String firstSentence(String paragraph) {
        String first = SentenceBreaks.firstSentence(paragraph);
        if (first.length() <= MAX_STANDFIRST) {
            return first;
        }
        int cut = first.lastIndexOf(' ', MAX_STANDFIRST - 1);
        return first.substring(0, cut > 0 ? cut : MAX_STANDFIRST - 1) + "…";
    }

    private Map<String, Section> loadSections() {
        Map<String, Section> byPath = new HashMap<>();
        int position = 0;
        for (String line : rows("sections.tsv")) {
            String[] cols = line.split("\t", -1);
            String path = cols[0];
            int slash = path.lastIndexOf('/');
            Section parent = slash < 0 ? null : byPath.get(path.substring(0, slash));
            Section s = articles.createSection(parent, path.substring(slash + 1), cols[1], cols[2], position++);
            byPath.put(path, s);
        }
        return byPath;
    }

    private Map<String, String[]> readPlacement() {
        Map<String, String[]> byUrl = new HashMap<>();
        for (String line : rows("articles.tsv")) {
            String[] cols = line.split("\t", -1);
            byUrl.put(cols[0], new String[] {cols[1], cols.length > 2 ? cols[2] : ""});
        }
        return byUrl;
    }

    JsonNode readJson(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data rows of a tab-separated resource: its lines without the header line. */
    static List<String> rows(String name) {
        List<String> all = lines(name);
        return all.subList(1, all.size());
    }

    static List<String> lines(String name) {
        try (InputStream in = WikinewsDemo.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
