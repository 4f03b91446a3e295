package org.govshare.catalog.internal.search;

import org.govshare.catalog.CatalogEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * After a catalog change commits on this node, the tailer polls at once instead of at its next
 * interval; other nodes pick the change up from the log within one interval. A plain listener
 * that registers an after-commit callback, rather than a transactional event listener, so the
 * event publication registry does not record a publication for a mere wake-up call.
 */
@Component
class CommitNudge {

    private final IndexMaintainer index;

    CommitNudge(IndexMaintainer index) {
        this.index = index;
    }

    @EventListener(classes = {CatalogEvents.ResourceRegistered.class, CatalogEvents.ResourceEdited.class,
        CatalogEvents.ResourceSubmitted.class, CatalogEvents.ResourceReturned.class,
        CatalogEvents.ResourcePublished.class, CatalogEvents.ResourceWithdrawn.class})
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.wake();
                }
            });
        } else {
            index.wake();
        }
    }
}
