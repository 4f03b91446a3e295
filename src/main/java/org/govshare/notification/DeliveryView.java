package org.govshare.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice's delivery to one endpoint: status, attempts so far, the last HTTP status or error
 * ({@code lastError}: a code such as {@code webhook-target-refused}, {@code timeout}, {@code http-500},
 * with a short reason), and when it is tried next (PENDING only).
 */
public record DeliveryView(UUID id, UUID webhookId, UUID noticeId, String kind, DeliveryStatus status, int attempts,
                           Integer lastStatus, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                           Instant deliveredAt, Instant createdAt) {
}
