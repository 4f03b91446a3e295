package org.govshare.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A grant: the exact scope a consumer's client application may read of one resource — items, row
 * scope, masks, daily quota, period and the purposes its calls may name. {@code reviewNeeded} is set
 * when the resource changed version or was withdrawn since the grant was last confirmed.
 */
public record GrantView(UUID id, String number, UUID applicationId, UUID consumerId, UUID clientApplicationId,
                        UUID resourceId, String resourceCode, String resourceName, UUID providerId, int resourceVersion,
                        List<String> items, List<String> purposes, List<RowFilter> rowScope, Map<String, Mask> masks,
                        int dailyQuota,
                        LocalDate validFrom, LocalDate validUntil, GrantState state, String revokedReason,
                        boolean reviewNeeded, String reviewReason, long version, Instant createdAt, Instant updatedAt) {
}
