package org.broadsheet.comment;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The comment rules editors change in the newsroom (policy, link limit, blocklist, closing after N days), kept in
 * {@code site_settings} so every node uses the same; the start-up {@link CommentSettings} supply the values
 * until an editor saves. Read through a cache that reloads every few seconds, so a change on one node reaches
 * the others quickly. Thread-safe.
 */
final class ModerationRules {

    /**
     * One consistent set of rules.
     *
     * @param closeAfterDays comments close this many days after publication; 0 (the default) keeps them open
     */
    record Rules(ModerationPolicy policy, int maxLinks, List<String> blocklist, int closeAfterDays) {
        Rules {
            blocklist = blocklist.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
        }
    }

    private static final String POLICY = "comments.policy";
    private static final String MAX_LINKS = "comments.max_links";
    private static final String BLOCKLIST = "comments.blocklist";
    private static final String CLOSE_AFTER_DAYS = "comments.close_after_days";

    private final Jdbi jdbi;
    private final Rules defaults;
    private final LoadingCache<Boolean, Rules> current;
    private final List<Runnable> savedListeners = new CopyOnWriteArrayList<>();

    ModerationRules(Jdbi jdbi, CommentSettings settings) {
        this.jdbi = jdbi;
        this.defaults = fixed(settings);
        this.current = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5)).build(k -> load());
    }

    /** The rules of the start-up settings alone (nothing stored). */
    static Rules fixed(CommentSettings settings) {
        return new Rules(settings.policy(), settings.maxLinks(), settings.blocklist(), settings.closeAfterDays());
    }

    Rules current() {
        return current.get(Boolean.TRUE);
    }

    void save(Rules rules) {
        jdbi.useTransaction(h -> {
            for (var e : Map.of(POLICY, rules.policy().name(), MAX_LINKS, Integer.toString(rules.maxLinks()),
                    BLOCKLIST, String.join("\n", rules.blocklist()), CLOSE_AFTER_DAYS, Integer.toString(rules.closeAfterDays())).entrySet()) {
                h.createUpdate("INSERT INTO site_settings (name, value) VALUES (:n, :v) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value").bind("n", e.getKey()).bind("v", e.getValue()).execute();
            }
        });
        current.put(Boolean.TRUE, rules);
        savedListeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after an editor saved new rules on this node (e.g. to drop pages showing the form). */
    void onSaved(Runnable listener) {
        savedListeners.add(listener);
    }

    private Rules load() {
        Map<String, String> stored = jdbi.withHandle(h -> h.createQuery("SELECT name, value FROM site_settings WHERE name IN (<names>)")
                .bindList("names", List.of(POLICY, MAX_LINKS, BLOCKLIST, CLOSE_AFTER_DAYS))
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        if (stored.isEmpty()) {
            return defaults;
        }
        return new Rules(stored.containsKey(POLICY) ? ModerationPolicy.valueOf(stored.get(POLICY)) : defaults.policy(),
                stored.containsKey(MAX_LINKS) ? Integer.parseInt(stored.get(MAX_LINKS)) : defaults.maxLinks(),
                stored.containsKey(BLOCKLIST) ? Arrays.asList(stored.get(BLOCKLIST).split("\n")) : defaults.blocklist(),
                stored.containsKey(CLOSE_AFTER_DAYS) ? Integer.parseInt(stored.get(CLOSE_AFTER_DAYS)) : defaults.closeAfterDays());
    }
}
