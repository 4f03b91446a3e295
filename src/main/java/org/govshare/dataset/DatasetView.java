package org.govshare.dataset;

import java.util.List;
import java.util.UUID;

/** A published resource's records at a glance: version, size, last change, quality and freshness. */
public record DatasetView(UUID resourceId, String resourceCode, String resourceName, UUID providerId, int version,
                          long recordCount, long lastSeq, List<String> keyItems, LoadView lastLoad, Quality quality,
                          Freshness freshness) {
}
