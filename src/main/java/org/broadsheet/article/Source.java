package org.broadsheet.article;

/** Where a syndicated article came from and under which licence; empty name means our own journalism. */
public record Source(String name, String url, String licence, String licenceUrl) {

    public static final Source NONE = new Source("", "", "", "");

    public boolean present() {
        return name != null && !name.isBlank();
    }
}
