package org.govshare.dataset.web;

import java.util.ArrayList;
import java.util.List;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.DatasetManagement.DatasetFilter;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.govshare.platform.Roles;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Data collection on the home dashboard: a department's stewards and administrators see how many
 * of their datasets are overdue against the update cycle they promised; the authority sees the
 * district-wide count and a chart of all datasets by freshness.
 */
@Component
class DatasetDashboard implements DashboardContributor {

    private final DatasetManagement datasets;
    private final DirectoryManagement directory;

    DatasetDashboard(DatasetManagement datasets, DirectoryManagement directory) {
        this.datasets = datasets;
        this.directory = directory;
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (actor == null || actor.isClient()) {
            return List.of();
        }
        List<Tile> tiles = new ArrayList<>();
        if (isAuthority(actor)) {
            tiles.add(new Tile("dataset.stats.overdue-all", overdue(null)));
        } else if (actor.organizationId() != null
            && (actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN))) {
            tiles.add(new Tile("dataset.stats.overdue-own", overdue(actor.organizationId())));
        }
        return tiles;
    }

    @Override
    public List<Chart> chartsFor(Actor actor) {
        return actor != null && !actor.isClient() && isAuthority(actor)
            ? List.of(new Chart("dataset.chart.freshness", "/datasets/stats/freshness"))
            : List.of();
    }

    private long overdue(java.util.UUID provider) {
        return datasets.datasets(new DatasetFilter(provider, true, null), PageRequest.of(0, 1)).getTotalElements();
    }

    boolean isAuthority(Actor actor) {
        return actor.isPlatformAdmin() || !actor.isClient() && actor.organizationId() != null
            && directory.findOrganization(actor.organizationId()).map(o -> o.type() == OrganizationType.AUTHORITY)
            .orElse(false);
    }
}
