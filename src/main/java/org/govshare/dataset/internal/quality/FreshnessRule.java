package org.govshare.dataset.internal.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.Freshness;

/**
 * When a resource's records are due: the last applied load plus the update cycle's promise, or,
 * for a resource never loaded, its release (publication) date plus the promise. Periods are added
 * in China's calendar, so "monthly" from 31 January is due on the last day of February.
 */
public final class FreshnessRule {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private FreshnessRule() {
    }

    /**
     * @param lastLoadedAt when the newest applied load committed, null if never
     * @param releaseDate  the catalog entry's release date, the start of the clock for a never-loaded resource
     * @param publishedAt  fallback start when the entry has no release date
     */
    public static Freshness of(UpdateCycle cycle, Instant lastLoadedAt, LocalDate releaseDate, Instant publishedAt,
                               Instant now) {
        Period promise = cycle == null ? null : cycle.promise();
        if (promise == null) {
            return new Freshness(cycle, lastLoadedAt, null, false);
        }
        Instant start = lastLoadedAt != null ? lastLoadedAt
            : releaseDate != null ? releaseDate.atStartOfDay(CHINA).toInstant()
            : publishedAt;
        if (start == null) {
            return new Freshness(cycle, null, null, true);
        }
        Instant due = start.atZone(CHINA).plus(promise).toInstant();
        return new Freshness(cycle, lastLoadedAt, due, now.isAfter(due));
    }
}
