package org.govshare.audit;

import java.util.concurrent.CompletableFuture;

/**
 * Appends entries to the hash-chained audit log. Entries are written in batches by one writer,
 * so appending is cheap for the caller while each entry still gets its own durable place in
 * the chain: the returned future completes only once the entry is committed, and completes
 * exceptionally if it could not be written (never a silent loss). When the log is overloaded,
 * the future fails fast with {@link AuditLogUnavailableException} rather than queueing without bound.
 */
public interface AuditLog {

    CompletableFuture<AuditReceipt> append(AuditRecord record);

    /**
     * The keyed hash the log stores for a data subject's identifier (a resident identity number,
     * a credit code...), to search "who read my data" without the log ever holding the identifier.
     */
    String subjectKey(String rawIdentifier);
}
