package org.govshare.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.govshare.notification.DeliveryStatus;
import org.govshare.notification.DeliveryView;
import org.govshare.notification.IssuedWebhookSecret;
import org.govshare.notification.NotificationManagement;
import org.govshare.notification.WebhookDraft;
import org.govshare.notification.WebhookView;
import org.govshare.platform.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's outbound webhook endpoints and their deliveries. The signing secret is returned
 * only by register and rotate; deliveries are signed as described in docs/api/webhooks.md.
 */
@RestController
@RequestMapping("/api/v1/notifications/webhooks")
@Tag(name = "notification-webhooks", description = "通知 Webhook / outbound webhooks for notices")
class WebhookApiController {

    private final NotificationManagement notifications;

    WebhookApiController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Webhook endpoints of an organization (default: the caller's)")
    List<WebhookView> list(@RequestParam(required = false) UUID organizationId) {
        return notifications.webhooks(organizationId);
    }

    @PostMapping
    @Operation(summary = "Register an endpoint (https; kinds: notice kinds wanted, empty = all); "
        + "the signing secret is in this answer only")
    ResponseEntity<IssuedWebhookSecret> register(@RequestParam(required = false) UUID organizationId,
                                                 @RequestBody WebhookDraft draft) {
        IssuedWebhookSecret issued = notifications.registerWebhook(organizationId, draft);
        return ResponseEntity.created(URI.create("/api/v1/notifications/webhooks/" + issued.webhook().id()))
            .body(issued);
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable UUID id) {
        return notifications.webhook(id);
    }

    @PostMapping("/{id}/enable")
    WebhookView enable(@PathVariable UUID id) {
        return notifications.setWebhookEnabled(id, true);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stop sending to the endpoint; its pending deliveries wait until it is enabled again")
    WebhookView disable(@PathVariable UUID id) {
        return notifications.setWebhookEnabled(id, false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        notifications.deleteWebhook(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Replace the signing secret at once; the new one is in this answer only")
    IssuedWebhookSecret rotate(@PathVariable UUID id) {
        return notifications.rotateWebhookSecret(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Deliveries of the endpoint, newest first: status, attempts, last HTTP status or error, next attempt")
    PageView<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        return notifications.deliveries(id, status, page, size);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again now, attempts starting over")
    DeliveryView redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return notifications.redeliver(id, deliveryId);
    }
}
