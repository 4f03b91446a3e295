package org.govshare.directory.internal;

import java.util.List;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.govshare.platform.Roles;
import org.springframework.stereotype.Component;

@Component
class DirectoryDashboard implements DashboardContributor {

    private final DirectoryManagement directory;

    DirectoryDashboard(DirectoryManagement directory) {
        this.directory = directory;
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (actor.isPlatformAdmin()) {
            var counts = directory.counts(null);
            return List.of(new Tile("home.stats.organizations", counts.organizations()),
                new Tile("home.stats.users", counts.users()), new Tile("home.stats.clients", counts.clientApplications()));
        }
        if (actor.hasRole(Roles.ORG_ADMIN)) {
            var counts = directory.counts(actor.organizationId());
            return List.of(new Tile("home.stats.users", counts.users()), new Tile("home.stats.clients", counts.clientApplications()));
        }
        return List.of();
    }
}
