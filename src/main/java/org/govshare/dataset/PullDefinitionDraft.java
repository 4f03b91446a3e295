package org.govshare.dataset;

import java.util.UUID;

/**
 * How a resource's records are pulled from a staging database: either a {@code table} ({@code schema.table}
 * or {@code table}, plain identifiers) or a {@code query} (one SELECT or WITH statement), read in a
 * read-only transaction. INCREMENTAL needs a {@code watermarkColumn}: each pull reads only rows whose
 * value is greater than the greatest one seen by the last successful pull. {@code cron} (Spring's
 * six fields, second first, in Asia/Shanghai) overrides the schedule derived from the resource's
 * update cycle; {@code mapping} null maps columns to data items by code name.
 */
public record PullDefinitionDraft(UUID sourceId, String table, String query, String watermarkColumn, LoadMode mode,
                                  LoadPolicy policy, ColumnMapping mapping, String cron, boolean enabled) {
}
