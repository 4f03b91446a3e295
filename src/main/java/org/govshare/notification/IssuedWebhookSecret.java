package org.govshare.notification;

/**
 * An endpoint with its signing secret, returned once when registered or rotated: the platform keeps
 * it sealed and never shows it again.
 */
public record IssuedWebhookSecret(WebhookView webhook, String secret) {
}
