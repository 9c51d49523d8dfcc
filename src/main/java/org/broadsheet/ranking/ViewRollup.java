package org.broadsheet.ranking;

import org.broadsheet.config.RankingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintenance: hourly buckets older than {@link RankingSettings#MAX_WINDOW} (90 days) are rolled into
 * daily buckets, whole UTC days at a time, keeping every view. Run by {@link ViewFlusher} on its own
 * thread once per day, so it never races a flush.
 */
public final class ViewRollup {

    private static final Logger log = LoggerFactory.getLogger(ViewRollup.class);

    private final ViewStore store;

    public ViewRollup(ViewStore store) {
        this.store = store;
    }

    /** Rolls up what has aged out at {@code nowMillis}; returns how many hourly buckets were rolled up. */
    public int run(long nowMillis) {
        int rolled = store.rollUpBefore(nowMillis - RankingSettings.MAX_WINDOW.toMillis());
        if (rolled > 0) {
            log.info("rolled {} hourly view buckets older than {} days into daily buckets", rolled,
                    RankingSettings.MAX_WINDOW.toDays());
        }
        return rolled;
    }
}
