package org.govshare.audit;

import java.time.Instant;

/**
 * Proof that an entry is committed to the chain: its place ({@code seq}) and the time recorded
 * with it. Callers that must not go on without a durable trace (data access) wait for this.
 */
public record AuditReceipt(long seq, Instant at) {
}
