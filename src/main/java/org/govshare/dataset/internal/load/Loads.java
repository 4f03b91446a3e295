package org.govshare.dataset.internal.load;

import org.govshare.dataset.LoadView;

/**
 * The one way records change: every channel (upload, push, pull, rollback) goes through here, so
 * validation, change sequence numbers, versions and audit are the same for all of them. Callers
 * have checked who may load into the resource.
 */
public interface Loads {

    /** Queues the load as a background job and returns it QUEUED; progress is read with {@code DatasetManagement.load}. */
    LoadView start(LoadRequest request);

    /** Runs the load on the calling thread and returns it finished (SUCCEEDED, FAILED or CANCELLED). */
    LoadView run(LoadRequest request);
}
