package org.govshare.audit;

/**
 * Searches the log, newest first, within what the current actor may see: platform
 * administrators and the sharing authority's auditors everything; an organization's administrators and auditors the entries by or
 * about their organization. Asking for another organization's entries is refused (and that
 * refusal is itself audited); client applications cannot search the log.
 */
public interface AuditQueries {

    int MAX_PAGE_SIZE = 200;

    AuditPage search(AuditSearch search, int page, int size);

    /** Entries per day over the last {@code days} days (1 to 92) within the same scope as {@link #search}. */
    AuditActivity activity(int days, java.time.ZoneId zone);

    /**
     * Data service calls, newest first, for the people of the departments involved: a provider's
     * people see the calls to its resources, a consumer's people its own clients' calls; the sharing
     * authority's people and platform administrators all. What each call returned lies in the
     * entry's detail; the subjects' keys are never returned.
     */
    AuditPage dataAccesses(DataAccessSearch search, int page, int size);

    /** Whether the current actor supervises every organization's entries, not only their own. */
    boolean seesAllOrganizations();
}
