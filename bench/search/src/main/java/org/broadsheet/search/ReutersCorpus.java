package org.broadsheet.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reuters-21578 as JSON lines (research use only: read from the shared data folder at run time, never
 * copied into the repository). Keeps the stories with a title, a body and at least one topic.
 */
final class ReutersCorpus {

    static final Path DEFAULT = Path.of("../shared/data/news/reuters-21578/reuters21578.jsonl.gz");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

    /** One story and its labels (topics, places, people, orgs, exchanges), each prefixed with its kind. */
    record Story(String title, String body, List<String> topics, Set<String> labels, Instant date) {
    }

    private ReutersCorpus() {
    }

    /** The corpus file named by {@code -Dreuters=...}, or the shared default; null when absent. */
    static Path locate() {
        Path p = Path.of(System.getProperty("reuters", DEFAULT.toString()));
        if (!Files.isRegularFile(p)) {
            Path fromRoot = Path.of("..", "..").resolve(DEFAULT);
            p = Files.isRegularFile(fromRoot) ? fromRoot : null;
        }
        return p;
    }

    static List<Story> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Story> stories = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                String title = n.path("title").asText("").strip();
                String body = n.path("body").asText("").strip();
                List<String> topics = strings(n.path("topics"));
                if (title.isEmpty() || body.isEmpty() || topics.isEmpty()) {
                    continue;
                }
                Set<String> labels = new LinkedHashSet<>();
                for (String kind : List.of("topics", "places", "people", "orgs", "exchanges")) {
                    strings(n.path(kind)).forEach(v -> labels.add(kind + ":" + v));
                }
                stories.add(new Story(title, body, topics, labels, date(n.path("date").asText(""))));
            }
        }
        return stories;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Instant date(String raw) {
        try {
            String trimmed = raw.strip().replaceAll("\\.\\d+$", "");
            return LocalDateTime.parse(trimmed, DATE).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return Instant.parse("1987-03-01T00:00:00Z");
        }
    }

    /** The story's title in sentence case, as an editor would write the headline. */
    static String headline(Story s) {
        String t = s.title().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** The body as Markdown paragraphs: Reuters wraps lines and indents paragraph starts. */
    static String markdown(String body) {
        return body.replace("\r", "").replaceAll("\n\\s{3,}", "\n\n").replaceAll("(?<!\n)\n(?!\n)", " ")
                .replace("Reuter\u0003", "").replaceAll("\\s*Reuter\\s*$", "").strip();
    }
}
