package org.govshare.dataset.internal.load;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-dataset partitions of {@code dataset_record} and {@code dataset_change} (migration V9).
 * Table names come from the resource id's hex digits only, so they need no quoting.
 */
public final class Partitions {

    public static final String RECORDS = "dataset_record";
    static final String CHANGES = "dataset_change";

    private Partitions() {
    }

    public static String of(String parent, UUID resource) {
        return parent + "_" + resource.toString().replace("-", "");
    }

    static boolean exist(JdbcClient jdbc, UUID resource) {
        return jdbc.sql("select to_regclass(?) is not null").param(of(RECORDS, resource)).query(Boolean.class).single();
    }

    /**
     * A table shaped like the parent, not attached yet, with a CHECK constraint that lets the attach
     * skip its validation scan. Created inside a load's transaction, it vanishes with a rollback.
     */
    static String createDetached(JdbcClient jdbc, String parent, UUID resource) {
        String table = of(parent, resource);
        jdbc.sql("create table " + table + " (like " + parent + " including defaults including constraints, "
            + "constraint " + table + "_resource check (resource_id = '" + resource + "'))").update();
        return table;
    }

    /** Needs only a SHARE UPDATE EXCLUSIVE lock on the parent: readers and writers of other datasets go on. */
    static void attach(JdbcClient jdbc, String parent, String table, UUID resource) {
        jdbc.sql("alter table " + parent + " attach partition " + table + " for values in ('" + resource + "')")
            .update();
    }
}
