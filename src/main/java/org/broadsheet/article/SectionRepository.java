package org.broadsheet.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** SQL for sections. Sections are few and read on every page, so {@link SectionDirectory} keeps them in memory. */
final class SectionRepository {

    private final Jdbi jdbi;

    SectionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Section> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, parent_id, slug, path, name, description, position FROM sections ORDER BY position, name")
                .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"),
                        rs.getString("slug"), rs.getString("path"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("position")))
                .list());
    }

    long insert(Handle h, Long parentId, String slug, String path, String name, String description, int position) {
        return h.createQuery("""
                        INSERT INTO sections (parent_id, slug, path, name, description, position)
                        VALUES (:parent, :slug, :path, :name, :description, :position) RETURNING id""")
                .bind("parent", parentId).bind("slug", slug).bind("path", path).bind("name", name)
                .bind("description", description).bind("position", position)
                .mapTo(Long.class).one();
    }
}
