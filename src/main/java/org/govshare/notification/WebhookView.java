package org.govshare.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered webhook endpoint (never its secret), with its deliveries counted by status.
 */
public record WebhookView(UUID id, UUID organizationId, String url, String description, List<String> kinds,
                          boolean enabled, Instant secretRotatedAt, String createdBy, Instant createdAt,
                          long pending, long delivered, long failed) {
}
