package org.broadsheet.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Wikinews demo's words, read once, for the synthetic generators to recombine: headlines, body
 * paragraphs, the tag vocabulary and the sentences of the paragraphs. Immutable.
 */
record DemoText(List<String> headlines, List<String> paragraphs, List<String> tags, List<String> sentences) {

    // Short fragments, long quotations and interview transcripts read badly as a reader's comment.
    private static final int MIN_SENTENCE = 40;
    private static final int MAX_SENTENCE = 280;

    static DemoText load(WikinewsDemo demo) {
        List<String> headlines = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        List<String> narrative = new ArrayList<>();
        for (String line : WikinewsDemo.lines("articles.jsonl")) {
            JsonNode row = demo.readJson(line);
            headlines.add(row.get("title").asText());
            for (DemoParagraph p : WikinewsDemo.bodyParagraphs(row.get("text").asText())) {
                paragraphs.add(p.plain());
                if (p.speaker() == null) {
                    narrative.add(p.text());
                }
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String line : WikinewsDemo.rows("articles.tsv")) {
            for (String t : line.split("\t", -1)[2].split(",")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        }
        List<String> sentences = new ArrayList<>();
        for (String p : narrative) {
            for (String s : WikinewsDemo.sentences(p)) {
                if (s.length() >= MIN_SENTENCE && s.length() <= MAX_SENTENCE && !s.contains("((")
                        && Character.isUpperCase(s.charAt(0))) {
                    sentences.add(s);
                }
            }
        }
        return new DemoText(List.copyOf(headlines), List.copyOf(paragraphs), List.copyOf(tags), List.copyOf(sentences));
    }
}
