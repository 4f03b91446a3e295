package org.govshare.catalog;

import java.time.Instant;
import java.util.UUID;

/** A line of a resource list. */
public record ResourceSummary(UUID id, String code, String name, UUID providerId, String classificationCode,
                              ShareType shareType, OpenType openType, ResourceStatus status, int publishedVersion,
                              int dataItemCount, Instant updatedAt) {
}
