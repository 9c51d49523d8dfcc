package org.broadsheet.comment;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The moderation settings editors change in the newsroom (policy, link limit, blocklist), kept in
 * {@code site_settings} so every node uses the same; the start-up {@link CommentSettings} supply the values
 * until an editor saves. Read through a cache that reloads every few seconds, so a change on one node reaches
 * the others quickly. Thread-safe.
 */
final class ModerationRules {

    /** One consistent set of rules. */
    record Rules(ModerationPolicy policy, int maxLinks, List<String> blocklist) {
        Rules {
            blocklist = blocklist.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
        }
    }

    private static final String POLICY = "comments.policy";
    private static final String MAX_LINKS = "comments.max_links";
    private static final String BLOCKLIST = "comments.blocklist";

    private final Jdbi jdbi;
    private final Rules defaults;
    private final LoadingCache<Boolean, Rules> current;

    ModerationRules(Jdbi jdbi, CommentSettings settings) {
        this.jdbi = jdbi;
        this.defaults = new Rules(settings.policy(), settings.maxLinks(), settings.blocklist());
        this.current = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5)).build(k -> load());
    }

    Rules current() {
        return current.get(Boolean.TRUE);
    }

    void save(Rules rules) {
        jdbi.useTransaction(h -> {
            for (var e : Map.of(POLICY, rules.policy().name(), MAX_LINKS, Integer.toString(rules.maxLinks()),
                    BLOCKLIST, String.join("\n", rules.blocklist())).entrySet()) {
                h.createUpdate("INSERT INTO site_settings (name, value) VALUES (:n, :v) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value").bind("n", e.getKey()).bind("v", e.getValue()).execute();
            }
        });
        current.put(Boolean.TRUE, rules);
    }

    private Rules load() {
        Map<String, String> stored = jdbi.withHandle(h -> h.createQuery("SELECT name, value FROM site_settings WHERE name IN (<names>)")
                .bindList("names", List.of(POLICY, MAX_LINKS, BLOCKLIST))
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        if (stored.isEmpty()) {
            return defaults;
        }
        return new Rules(stored.containsKey(POLICY) ? ModerationPolicy.valueOf(stored.get(POLICY)) : defaults.policy(),
                stored.containsKey(MAX_LINKS) ? Integer.parseInt(stored.get(MAX_LINKS)) : defaults.maxLinks(),
                stored.containsKey(BLOCKLIST) ? Arrays.asList(stored.get(BLOCKLIST).split("\n")) : defaults.blocklist());
    }
}
