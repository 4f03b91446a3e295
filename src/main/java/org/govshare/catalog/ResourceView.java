package org.govshare.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One state of a resource: the working copy (for its provider and the authority) or a published
 * version (for everyone). {@code version} is the optimistic-lock version of the working copy;
 * {@code publishedVersion} the number of the newest published version (0 if none).
 */
public record ResourceView(UUID id, String code, String classificationCode, UUID providerId, String name,
                           String summary, ResourceFormat format, ShareType shareType, String shareCondition,
                           ShareMode shareMode, OpenType openType, String openCondition, UpdateCycle updateCycle,
                           LocalDate releaseDate, List<String> relatedResourceCodes, String legalBasis, String keywords,
                           List<DataItemView> dataItems, ResourceStatus status, int publishedVersion,
                           String reviewComment, String withdrawnReason, long version, Instant updatedAt) {
}
