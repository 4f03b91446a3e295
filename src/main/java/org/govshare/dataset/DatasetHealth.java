package org.govshare.dataset;

import java.util.UUID;

/** One published resource's health for the sharing authority's assessment: its records' quality and freshness. */
public record DatasetHealth(UUID resourceId, String resourceCode, String resourceName, UUID providerId, int version,
                            long recordCount, Quality quality, Freshness freshness) {
}
