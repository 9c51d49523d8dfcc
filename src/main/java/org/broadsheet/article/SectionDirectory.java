package org.broadsheet.article;

import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All sections in memory, as an immutable snapshot replaced on every change. Thread-safe: readers see
 * either the old or the new snapshot, never a half-built one.
 */
public final class SectionDirectory {

    private record Snapshot(Map<Long, Section> byId, Map<String, Section> byPath, List<Section> topLevel,
                            Map<Long, List<Section>> children) {
    }

    private final SectionRepository repository;
    private volatile Snapshot snapshot;

    SectionDirectory(Jdbi jdbi) {
        this.repository = new SectionRepository(jdbi);
        reload();
    }

    /** Re-reads the sections from the database; call after a section is added or changed. */
    public void reload() {
        Map<Long, Section> byId = new LinkedHashMap<>();
        Map<String, Section> byPath = new LinkedHashMap<>();
        List<Section> top = new ArrayList<>();
        Map<Long, List<Section>> children = new LinkedHashMap<>();
        for (Section s : repository.all()) {
            byId.put(s.id(), s);
            byPath.put(s.path(), s);
            if (s.isTopLevel()) {
                top.add(s);
            } else {
                children.computeIfAbsent(s.parentId(), k -> new ArrayList<>()).add(s);
            }
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        snapshot = new Snapshot(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byPath),
                List.copyOf(top), Collections.unmodifiableMap(children));
    }

    public Section byId(long id) {
        Section s = snapshot.byId().get(id);
        if (s == null) {
            throw new IllegalStateException("unknown section id " + id);
        }
        return s;
    }

    public Optional<Section> byPath(String path) {
        return Optional.ofNullable(snapshot.byPath().get(path));
    }

    public List<Section> topLevel() {
        return snapshot.topLevel();
    }

    public List<Section> all() {
        return List.copyOf(snapshot.byId().values());
    }

    public List<Section> children(Section parent) {
        return snapshot.children().getOrDefault(parent.id(), List.of());
    }

    /** The parent of a subsection, or empty for a top-level section. */
    public Optional<Section> parent(Section section) {
        return section.parentId() == null ? Optional.empty() : Optional.of(byId(section.parentId()));
    }

    /** The section and its subsections: what a section page lists. */
    public List<Long> selfAndChildIds(Section section) {
        List<Long> ids = new ArrayList<>();
        ids.add(section.id());
        children(section).forEach(c -> ids.add(c.id()));
        return ids;
    }
}
