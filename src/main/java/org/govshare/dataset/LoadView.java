package org.govshare.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * One load of records into a resource. {@code version} is the dataset version this load produced
 * (0 while not applied); {@code firstSeq}..{@code lastSeq} the change sequence numbers it used.
 * {@code percent} runs 0 to 100 while the load runs.
 */
public record LoadView(UUID id, UUID resourceId, LoadChannel channel, LoadMode mode, LoadPolicy policy,
                       LoadState state, String source, String batchId, int version, long rowsRead, long rowsAccepted,
                       long rowsRejected, long inserted, long updated, long deleted, long firstSeq, long lastSeq,
                       int percent, String errorCode, String errorMessage, String startedBy, Instant createdAt,
                       Instant finishedAt, UUID rolledBackBy) {
}
