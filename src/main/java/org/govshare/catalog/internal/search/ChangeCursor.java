package org.govshare.catalog.internal.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an index stands in {@code catalog_change_log}. Sequence values are handed out when a row is
 * inserted but become visible when its transaction commits, so seq 7 may show up after seq 8 has
 * been applied. Every missing number below the highest seen is kept as a gap and its row is looked
 * for on every poll until it appears or can no longer appear: once every transaction that was
 * running when the gap was noticed has ended (the database's snapshot xmin has passed the xmax
 * recorded a moment after noticing), a still missing number was rolled back. A timeout is the last
 * resort. Replaying a row twice is harmless: a resource is always reindexed from its current state.
 *
 * <p>Not thread-safe: the tailer owns it.
 */
final class ChangeCursor {

    /** How long after noticing a gap its transaction horizon is taken (the allocating insert has its xid by then). */
    static final Duration HORIZON_DELAY = Duration.ofSeconds(1);
    /** More holes than this at once are given up at once (a sequence jump, not concurrent transactions). */
    static final int MAX_GAPS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ChangeCursor.class);

    record Row(long seq, UUID resourceId) {
    }

    /** The database's snapshot bounds (xid8): transactions below xmin have ended; xmax is the next xid. */
    record Snapshot(long xmin, long xmax) {
    }

    private static final class Gap {
        final Instant noticed;
        Long horizon;

        Gap(Instant noticed, Long horizon) {
            this.noticed = noticed;
            this.horizon = horizon;
        }
    }

    private long maxSeen;
    private UUID maxSeenResource;
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();

    private ChangeCursor(long maxSeen, UUID maxSeenResource) {
        this.maxSeen = maxSeen;
        this.maxSeenResource = maxSeenResource;
    }

    static ChangeCursor at(long maxSeen, UUID maxSeenResource, Collection<Long> openGaps, Instant now) {
        ChangeCursor c = new ChangeCursor(maxSeen, maxSeenResource);
        openGaps.forEach(g -> c.gaps.put(g, new Gap(now, null)));
        return c;
    }

    /**
     * Seeds a cursor from the rows visible to a full rebuild's snapshot: the rebuild saw their
     * effects, and every number missing among them (from {@code windowStart}) may still commit.
     */
    static ChangeCursor seeded(long windowStart, List<Row> visible, Instant now) {
        ChangeCursor c = new ChangeCursor(windowStart, null);
        c.advance(visible, now);
        return c;
    }

    ChangeCursor copy() {
        ChangeCursor c = new ChangeCursor(maxSeen, maxSeenResource);
        gaps.forEach((k, v) -> c.gaps.put(k, new Gap(v.noticed, v.horizon)));
        return c;
    }

    long maxSeen() {
        return maxSeen;
    }

    UUID maxSeenResource() {
        return maxSeenResource;
    }

    /** Every seq at or below this has been applied or has been given up: what a restart resumes after. */
    long watermark() {
        return gaps.isEmpty() ? maxSeen : gaps.firstKey() - 1;
    }

    Set<Long> gaps() {
        return gaps.navigableKeySet();
    }

    /**
     * Takes one poll's rows: the gap rows that turned up and the new rows above {@link #maxSeen()},
     * read after {@code snapshot} was taken. Returns the resources to reindex.
     */
    Set<UUID> accept(List<Row> rows, Snapshot snapshot, Instant now, Duration timeout) {
        Set<UUID> changed = new LinkedHashSet<>();
        List<Row> fresh = new ArrayList<>();
        for (Row r : rows) {
            if (r.seq() > maxSeen) {
                fresh.add(r);
            } else if (gaps.remove(r.seq()) != null) {
                changed.add(r.resourceId());
            }
        }
        fresh.sort(java.util.Comparator.comparingLong(Row::seq));
        changed.addAll(advance(fresh, now));
        close(snapshot, now, timeout);
        return changed;
    }

    private Set<UUID> advance(List<Row> ascending, Instant now) {
        Set<UUID> changed = new LinkedHashSet<>();
        for (Row r : ascending) {
            if (r.seq() <= maxSeen) {
                continue;
            }
            long holes = r.seq() - maxSeen - 1;
            if (holes > 0 && gaps.size() + holes <= MAX_GAPS) {
                for (long s = maxSeen + 1; s < r.seq(); s++) {
                    gaps.put(s, new Gap(now, null));
                }
            } else if (holes > 0) {
                log.warn("Change log jumps from {} to {}: not waiting for {} numbers in between", maxSeen, r.seq(), holes);
            }
            maxSeen = r.seq();
            maxSeenResource = r.resourceId();
            changed.add(r.resourceId());
        }
        return changed;
    }

    private void close(Snapshot snapshot, Instant now, Duration timeout) {
        var it = gaps.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Gap> e = it.next();
            Gap g = e.getValue();
            if (snapshot != null && g.horizon != null && snapshot.xmin() >= g.horizon) {
                it.remove(); // every transaction that could hold this number has ended without it
            } else if (!g.noticed.plus(timeout).isAfter(now)) {
                log.warn("Change log seq {} still missing after {}; giving up on it", e.getKey(), timeout);
                it.remove();
            } else if (snapshot != null && g.horizon == null && !g.noticed.plus(HORIZON_DELAY).isAfter(now)) {
                g.horizon = snapshot.xmax();
            }
        }
    }
}
