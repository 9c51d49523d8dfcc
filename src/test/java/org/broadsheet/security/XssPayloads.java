package org.broadsheet.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The committed XSS corpus ({@code src/test/resources/security/xss-payloads.txt}): one payload a line, {@code $ID}
 * replaced by the payload's number so that a script that runs names the payload it came from.
 */
record XssPayloads(List<String> all) {

    static XssPayloads load() {
        try (InputStream in = XssPayloads.class.getResourceAsStream("/security/xss-payloads.txt")) {
            List<String> raw = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isEmpty() && !l.startsWith("#--")).toList();
            if (new LinkedHashSet<>(raw).size() != raw.size()) {
                throw new AssertionError("the corpus has duplicate payloads");
            }
            List<String> numbered = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                numbered.add(raw.get(i).replace("$ID", Integer.toString(i + 1)));
            }
            return new XssPayloads(List.copyOf(numbered));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int size() {
        return all.size();
    }

    String get(int i) {
        return all.get(i);
    }

    /** The payload cut to a field's limit (a cut payload is still hostile, and the field must refuse nothing it shows). */
    String upTo(int i, int max) {
        String p = all.get(i);
        return p.length() <= max ? p : p.substring(0, max);
    }

    /** Every payload, packed greedily into strings of at most {@code max} characters joined by {@code glue}: many per request. */
    List<String> packed(int max, String glue) {
        return groups(max, glue.length()).stream().map(g -> String.join(glue, g)).toList();
    }

    /** Every payload, in consecutive groups whose joined length (with {@code glue} characters between) is at most {@code max}. */
    List<List<String>> groups(int max, int glue) {
        List<List<String>> out = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int length = 0;
        for (String p : all) {
            if (p.length() > max) {
                continue;
            }
            if (!group.isEmpty() && length + glue + p.length() > max) {
                out.add(group);
                group = new ArrayList<>();
                length = 0;
            }
            length += (group.isEmpty() ? 0 : glue) + p.length();
            group.add(p);
        }
        if (!group.isEmpty()) {
            out.add(group);
        }
        return out;
    }
}
