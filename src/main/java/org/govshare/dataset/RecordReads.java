package org.govshare.dataset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of current records for the data service, on its hot path: the record's JSON text as
 * stored, straight from the resource's own partition, with no access check and no audit here.
 * The data service (the {@code exchange} module, the only caller: an architecture test keeps it
 * so) decides what a client may read under its grant and audits every call itself; going through
 * {@link DatasetManagement} would check a person's role and audit a second time per request.
 */
public interface RecordReads {

    /** The record's data as JSON text (items by code name, canonical values), or empty. */
    Optional<String> json(UUID resourceId, String recordKey);

    /**
     * Records satisfying every condition, in key order after {@code afterKey} (null: from the
     * start), at most {@code limit}; returns how many were passed to the sink.
     */
    int page(UUID resourceId, List<RecordCondition> conditions, String afterKey, int limit, RecordSink sink);

    /**
     * Every record satisfying the conditions, in key order, through a server-side cursor so memory
     * stays flat however many there are; returns how many were passed to the sink.
     */
    long stream(UUID resourceId, List<RecordCondition> conditions, RecordSink sink);

    /** The effective rules of the resource's items (what a key must satisfy), as the loads apply them. */
    List<ItemRule> rules(UUID resourceId);

    /** Receives records as stored; may stop the stream by throwing. */
    @FunctionalInterface
    interface RecordSink {
        void accept(String recordKey, String json);
    }
}
