package org.govshare.sharing.internal;

import org.govshare.catalog.CatalogEvents.ResourcePublished;
import org.govshare.catalog.CatalogEvents.ResourceWithdrawn;
import org.govshare.platform.CurrentActor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A grant was decided against one version of its resource: a new version (items may be gone,
 * share types changed) or a withdrawal flags every grant of the resource for the provider's review,
 * and the flag is an event its consumer is told of.
 */
@Component
class CatalogChanges {

    private final SharingService sharing;

    CatalogChanges(SharingService sharing) {
        this.sharing = sharing;
    }

    @ApplicationModuleListener
    void on(ResourcePublished event) {
        if (event.version() > 1) {
            CurrentActor.runAs(CurrentActor.system(), () -> {
                sharing.flagGrants(event.resourceId(), "resource-version:" + event.version(),
                    g -> g.resourceVersion < event.version());
                return null;
            });
        }
    }

    @ApplicationModuleListener
    void on(ResourceWithdrawn event) {
        CurrentActor.runAs(CurrentActor.system(), () -> {
            sharing.flagGrants(event.resourceId(), "resource-withdrawn", g -> true);
            return null;
        });
    }
}
