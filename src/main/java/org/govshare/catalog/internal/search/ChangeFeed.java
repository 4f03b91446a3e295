package org.govshare.catalog.internal.search;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code catalog_change_log}, the catalog's record of every change search may have to show. */
@Component
class ChangeFeed {

    /** How far back a rebuild looks for changes still in flight when its snapshot was taken. */
    static final int REBUILD_WINDOW = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final JdbcClient jdbc;

    ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChangeCursor.Snapshot snapshot() {
        return jdbc.sql("select pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text from pg_current_snapshot() s")
            .query((rs, i) -> new ChangeCursor.Snapshot(Long.parseLong(rs.getString(1)), Long.parseLong(rs.getString(2))))
            .single();
    }

    List<ChangeCursor.Row> after(long seq, int limit) {
        return jdbc.sql("select seq, resource_id from catalog_change_log where seq > ? order by seq limit ?")
            .params(seq, limit).query((rs, i) -> new ChangeCursor.Row(rs.getLong(1), rs.getObject(2, UUID.class))).list();
    }

    List<ChangeCursor.Row> exactly(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select seq, resource_id from catalog_change_log where seq = any(?)")
            .param(seqs.toArray(Long[]::new))
            .query((rs, i) -> new ChangeCursor.Row(rs.getLong(1), rs.getObject(2, UUID.class))).list();
    }

    /** The newest rows a rebuild's snapshot sees, and where that window starts. */
    Window window() {
        long max = jdbc.sql("select coalesce(max(seq), 0) from catalog_change_log").query(Long.class).single();
        long start = Math.max(0, max - REBUILD_WINDOW);
        return new Window(start, after(start, REBUILD_WINDOW + 1));
    }

    record Window(long start, List<ChangeCursor.Row> rows) {
    }

    /**
     * Whether an index's recorded position belongs to this database: the row it last saw is still
     * there with the same resource (a wiped or different database fails this), and the database is
     * the same cluster where that can be told.
     */
    boolean knows(long maxSeen, UUID maxSeenResource, String databaseId) {
        if (databaseId != null && !databaseId.equals(databaseId())) {
            return false;
        }
        if (maxSeen == 0) {
            return jdbc.sql("select not exists (select 1 from catalog_resource)").query(Boolean.class).single();
        }
        Optional<UUID> row = jdbc.sql("select resource_id from catalog_change_log where seq = ?").param(maxSeen)
            .query(UUID.class).optional();
        return row.isPresent() && row.get().equals(maxSeenResource);
    }

    /** The cluster's system identifier plus the database name, or null where the server does not tell. */
    String databaseId() {
        try {
            return jdbc.sql("select (select system_identifier from pg_control_system())::text || '/' || current_database()")
                .query(String.class).single();
        } catch (RuntimeException e) {
            log.debug("No database identifier: {}", e.getMessage());
            return null;
        }
    }
}
