package org.govshare.notification;

import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/** Changes to webhook endpoints: each an audit entry (never a secret). */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** {@code action}: registered, enabled, disabled, deleted, secret-rotated. */
    public record WebhookChanged(UUID webhookId, UUID organizationId, String url, String action, Actor by,
                                 String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "notification.webhook." + action, "webhook", webhookId.toString(),
                organizationId, url);
        }
    }

    public record DeliveryRequeued(UUID deliveryId, UUID webhookId, UUID organizationId, Actor by, String requestId)
        implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "notification.delivery.redelivered", "webhook-delivery",
                deliveryId.toString(), organizationId, "webhook " + webhookId);
        }
    }
}
