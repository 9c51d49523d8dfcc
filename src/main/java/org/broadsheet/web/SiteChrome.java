package org.broadsheet.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the {@link Layout} every page shares: site name, navigation, stylesheet, canonical address.
 * The navigation comes from a supplier so that this shared class knows no feature. Thread-safe.
 */
public final class SiteChrome {

    private final String siteName;
    private final String baseUrl;
    private final Supplier<List<NavLink>> nav;
    private final StaticAssets assets;
    private final Clock clock;
    private final ZoneId zone;
    private final Function<String, List<AlternateLink>> alternates;

    public SiteChrome(String siteName, String baseUrl, Supplier<List<NavLink>> nav, StaticAssets assets, Clock clock, ZoneId zone) {
        this(siteName, baseUrl, nav, assets, clock, zone, path -> List.of());
    }

    /** @param alternates the alternate renderings (feeds) of the page at a path, for autodiscovery links */
    public SiteChrome(String siteName, String baseUrl, Supplier<List<NavLink>> nav, StaticAssets assets, Clock clock, ZoneId zone,
                      Function<String, List<AlternateLink>> alternates) {
        this.alternates = alternates;
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.nav = nav;
        this.assets = assets;
        this.clock = clock;
        this.zone = zone;
    }

    /** A layout for a page at {@code path}; the title gets the site name appended. */
    public Layout layout(String title, String description, String path) {
        return build(title, description, path, false);
    }

    /** A layout for a page search engines should not index. */
    public Layout layoutNoIndex(String title, String description, String path) {
        return build(title, description, path, true);
    }

    private Layout build(String title, String description, String path, boolean noIndex) {
        String fullTitle = title == null || title.isBlank() ? siteName : title + " · " + siteName;
        return new Layout(siteName, fullTitle, description == null ? "" : description, baseUrl + path, path, nav.get(),
                assets.url("site.css"), noIndex, clock.instant().atZone(zone).getYear(),
                path == null ? List.of() : alternates.apply(path.replaceFirst("\\?.*$", "")), assets.url("favicon.svg"));
    }

    public String siteName() {
        return siteName;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ZoneId zone() {
        return zone;
    }
}
