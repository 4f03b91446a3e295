/**
 * The audit module: an append-only, hash-chained log of every action and every data access,
 * its verification, and the searches behind "who did what" and "who read my data". Other
 * modules write to it by publishing {@link org.govshare.platform.AuditableEvent}s or by calling
 * {@link org.govshare.audit.AuditLog} directly when they must know the entry is durable.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.govshare.audit;
