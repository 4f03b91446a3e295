package org.govshare.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of a resource's newest published version that other modules list, sort and measure
 * by (data collection overviews, freshness sweeps), read for all resources at once without
 * loading each snapshot.
 */
public record PublishedResource(UUID id, String code, String name, UUID providerId, UpdateCycle updateCycle,
                                LocalDate releaseDate, int version, Instant publishedAt) {
}
