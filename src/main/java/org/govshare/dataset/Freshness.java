package org.govshare.dataset;

import java.time.Instant;
import org.govshare.catalog.UpdateCycle;

/**
 * How current a resource's records are against the update cycle its catalog entry promises.
 * {@code dueAt} is null for cycles without a promise (irregular, other); {@code overdue} is true
 * once {@code dueAt} has passed, or when a promising resource has never been loaded.
 */
public record Freshness(UpdateCycle cycle, Instant lastUpdatedAt, Instant dueAt, boolean overdue) {
}
