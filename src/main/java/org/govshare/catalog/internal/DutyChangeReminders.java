package org.govshare.catalog.internal;

import java.util.List;
import org.govshare.catalog.CatalogLists;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.springframework.stereotype.Component;

/**
 * The reminder the catalog rules ask for: a department sees its open duty changes (catalog update
 * due), the authority the departments that missed the deadline.
 */
@Component
class DutyChangeReminders implements DashboardContributor {

    private final CatalogLists lists;
    private final CatalogAccess access;

    DutyChangeReminders(CatalogLists lists, CatalogAccess access) {
        this.lists = lists;
        this.access = access;
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (actor == null || actor.isClient()) {
            return List.of();
        }
        if (actor.isPlatformAdmin()) {
            long overdue = lists.dutyChanges(null).stream().filter(CatalogLists.DutyChange::overdue).count();
            return overdue == 0 ? List.of() : List.of(new Tile("lists.tile.overdue", overdue));
        }
        if (actor.organizationId() == null || !access.canCatalogue(actor, actor.organizationId())) {
            return List.of();
        }
        long open = lists.dutyChanges(actor.organizationId()).stream().filter(d -> !d.done()).count();
        return open == 0 ? List.of() : List.of(new Tile("lists.tile.pending", open));
    }
}
