package org.govshare.audit;

/** How the audited attempt ended: done, refused by a permission check, or failed otherwise. */
public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
