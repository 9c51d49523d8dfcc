package org.broadsheet.article;

/** A section of the site; top-level sections have no parent, subsections have one (a two-level tree). */
public record Section(long id, Long parentId, String slug, String path, String name, String description, int position) {

    public boolean isTopLevel() {
        return parentId == null;
    }

    public String url() {
        return "/" + path + "/";
    }
}
