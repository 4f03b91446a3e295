package org.govshare.notification;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.govshare.platform.PageView;

/**
 * Notices for people who must act, and the channels they travel by.
 *
 * <p>{@link #notify} is for other modules (typically from an {@code @ApplicationModuleListener},
 * after their commit): it stores the notice with its e-mail and webhook outbox rows in one
 * transaction and returns at once; nothing is sent inside it. The inbox methods act for the current
 * person (client applications are refused). Webhook endpoints belong to an organization: its
 * ORG_ADMIN manages them, a platform administrator any organization's; everyone else is refused
 * (403, audited).
 */
public interface NotificationManagement {

    /**
     * Stores a notice for the organization's users holding any of its roles, queues one e-mail per
     * such user with an address (only when SMTP is configured), and one delivery per enabled webhook
     * endpoint of the organization whose kinds match. 422 on an unknown organization, a blank kind or
     * message key, or a link that is not a console path.
     */
    UUID notify(Notice notice);

    /** The current person's notices, newest first, rendered in {@code locale}; only unread ones if asked. */
    PageView<NoticeView> inbox(boolean unreadOnly, int page, int size, Locale locale);

    /** How many of the current person's notices are unread (polled by the console's bell). */
    long unreadCount();

    /** Marks one of the current person's notices read and returns it; 404 when it is not theirs. */
    NoticeView markRead(UUID noticeId, Locale locale);

    /** Marks all of the current person's notices read; returns how many were unread. */
    long markAllRead();

    /** The webhook endpoints of an organization (null: the caller's own). */
    List<WebhookView> webhooks(UUID organizationId);

    WebhookView webhook(UUID id);

    /** Registers an endpoint for an organization (null: the caller's own); the new secret is returned once. */
    IssuedWebhookSecret registerWebhook(UUID organizationId, WebhookDraft draft);

    WebhookView setWebhookEnabled(UUID id, boolean enabled);

    /** Deletes the endpoint with its delivery history. */
    void deleteWebhook(UUID id);

    /** Replaces the signing secret at once; the new one is returned once. */
    IssuedWebhookSecret rotateWebhookSecret(UUID id);

    /** An endpoint's deliveries, newest first, optionally of one status. */
    PageView<DeliveryView> deliveries(UUID webhookId, DeliveryStatus status, int page, int size);

    /** Queues a delivery again now, whatever its status (attempts start over); 409 while it is being sent. */
    DeliveryView redeliver(UUID webhookId, UUID deliveryId);
}
