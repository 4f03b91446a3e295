package org.govshare.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of a catalog search. The {@code *Html} fields are HTML-escaped text with the matched
 * words in {@code <mark>}: safe to insert as markup. Facets are keyed by the query parameter
 * they filter; the counts of each facet respect every other selected facet but not its own,
 * so alternatives within a facet stay visible.
 */
public record SearchResult(SearchQuery.Mode mode, long total, int page, int size, List<ResourceHit> resources,
                           List<ItemHit> items, Map<String, List<FacetCount>> facets, long tookMs) {

    public int totalPages() {
        return (int) Math.min((total + size - 1) / size, (SearchQuery.MAX_WINDOW + size - 1) / size);
    }

    /** {@code workingCopy}: an unpublished state only its provider and the authority see. */
    public record ResourceHit(UUID id, String code, String name, String nameHtml, String summaryHtml,
                              List<String> itemsHtml, UUID providerId, String providerName, String classificationCode,
                              String classificationName, ShareType shareType, OpenType openType,
                              UpdateCycle updateCycle, ResourceFormat format, ResourceStatus status, boolean workingCopy,
                              int dataItemCount, LocalDate releaseDate, Instant updatedAt) {
    }

    public record ItemHit(String name, String nameHtml, String standardName, String codeName, DataType dataType,
                          ShareType shareType, UUID resourceId, String resourceCode, String resourceName,
                          UUID providerId, String providerName, ResourceStatus status, boolean workingCopy) {
    }

    /** {@code label}: a provider's or classification's name; null for code lists (the console names those). */
    public record FacetCount(String value, String label, long count, boolean selected) {
    }
}
