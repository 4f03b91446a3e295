package org.govshare.audit;

/**
 * The audit log cannot take the entry now (queue full, shutting down) or could not write it.
 * Callers that must not act without a trace refuse the action when they see this.
 */
public class AuditLogUnavailableException extends RuntimeException {

    public AuditLogUnavailableException(String message) {
        super(message);
    }

    public AuditLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
