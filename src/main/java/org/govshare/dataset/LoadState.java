package org.govshare.dataset;

/**
 * Where a load stands. Only SUCCEEDED loads changed records; ROLLED_BACK marks a load whose
 * changes a later ROLLBACK load undid.
 */
public enum LoadState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, ROLLED_BACK;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
