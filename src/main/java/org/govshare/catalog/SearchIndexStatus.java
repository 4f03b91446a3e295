package org.govshare.catalog;

import java.time.Instant;

/**
 * This node's search index: INDEXING while the first index is built (searches are refused),
 * REBUILDING while a new one is built beside a working one, FAILED if no index could be built.
 * {@code lastSeq} is the change log position every change up to which is in the index.
 */
public record SearchIndexStatus(State state, long documents, long lastSeq, int progress, Instant startedAt,
                                Instant finishedAt, String error) {

    public enum State {
        READY, INDEXING, REBUILDING, FAILED
    }

    public boolean searchable() {
        return state == State.READY || state == State.REBUILDING;
    }
}
