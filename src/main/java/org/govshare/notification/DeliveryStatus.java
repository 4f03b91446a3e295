package org.govshare.notification;

/** Where a webhook delivery (or an e-mail) stands: waiting for an attempt, delivered, or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
