package org.govshare.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A department's staging database (前置库) the platform pulls records from. The password is never
 * shown: {@code passwordSet} only says whether one is stored. {@code lastCheck} is the outcome of
 * the newest connection test, if any.
 */
public record SourceDatabaseView(UUID id, UUID organizationId, String name, SourceDatabaseKind kind, String jdbcUrl,
                                 String username, boolean passwordSet, int pullCount, ConnectionCheck lastCheck,
                                 long version, Instant createdAt, Instant updatedAt) {
}
