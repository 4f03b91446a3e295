/**
 * Notifications (消息通知): "someone must act" notices addressed to an organization's people, read
 * in the console and the JSON API, sent by e-mail when SMTP is configured, and posted to the
 * organization's signed outbound webhooks. Callers say whom to tell; this module knows nothing of
 * why.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.govshare.notification;
