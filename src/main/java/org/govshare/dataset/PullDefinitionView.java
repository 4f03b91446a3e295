package org.govshare.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A resource's pull definition and where it stands: the schedule in force ({@code cron}, and whether
 * it was derived from the update cycle), the next run, the watermark reached (the greatest value of
 * the watermark column applied so far), and the failures since the last success (retried with backoff
 * before the next regular run).
 */
public record PullDefinitionView(UUID resourceId, UUID providerId, UUID sourceId, String sourceName, String table,
                                 String query, String watermarkColumn, String watermark, LoadMode mode,
                                 LoadPolicy policy, ColumnMapping mapping, String cron, boolean cronDerived,
                                 boolean enabled, Instant nextRunAt, Instant lastRunAt, UUID lastLoadId,
                                 LoadState lastState, int failures, String lastError, long version,
                                 Instant updatedAt) {
}
