package org.govshare.sharing.web;

import java.util.ArrayList;
import java.util.List;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.DashboardContributor;
import org.govshare.platform.Roles;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.ApplicationFilter;
import org.govshare.sharing.SharingManagement.Side;
import org.springframework.stereotype.Component;

/**
 * Sharing on the home dashboard: a consumer's open applications; a reviewer's applications awaiting
 * their decision and how many of them are overdue; for the authority the pre-checks waiting, the
 * overdue list, and the disputes and coordinations waiting for it.
 */
@Component
class SharingDashboard implements DashboardContributor {

    private final SharingManagement sharing;
    private final DirectoryManagement directory;

    SharingDashboard(SharingManagement sharing, DirectoryManagement directory) {
        this.sharing = sharing;
        this.directory = directory;
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (actor == null || actor.isClient() || actor.organizationId() == null && !actor.isPlatformAdmin()) {
            return List.of();
        }
        List<Tile> tiles = new ArrayList<>();
        if (isAuthority(actor)) {
            java.util.Map<ApplicationState, Long> all = sharing.countsByState(ApplicationFilter.of(Side.ALL));
            tiles.add(new Tile("sharing.stats.precheck", all.get(ApplicationState.PRECHECK)));
            tiles.add(new Tile("sharing.stats.overdue-all", count(Side.ALL, null, true, true)));
            tiles.add(new Tile("sharing.stats.disputes", all.get(ApplicationState.DISPUTED)
                + all.get(ApplicationState.COORDINATION)));
        }
        if (actor.organizationId() != null && actor.hasRole(Roles.REVIEWER) && !isAuthority(actor)) {
            tiles.add(new Tile("sharing.stats.awaiting-review",
                count(Side.PROVIDER, ApplicationState.REVIEW, false, false)));
            tiles.add(new Tile("sharing.stats.awaiting-review-overdue",
                count(Side.PROVIDER, ApplicationState.REVIEW, true, true)));
        }
        if (actor.organizationId() != null && (actor.hasRole(Roles.ORG_ADMIN) || actor.hasRole(Roles.DATA_STEWARD))) {
            tiles.add(new Tile("sharing.stats.mine-open", count(Side.CONSUMER, null, false, true)));
        }
        return tiles;
    }

    private long count(Side side, ApplicationState state, boolean overdue, boolean open) {
        return sharing.countsByState(new ApplicationFilter(side, state, null, null, overdue, open, null)).values()
            .stream().mapToLong(Long::longValue).sum();
    }

    private boolean isAuthority(Actor actor) {
        return actor.isPlatformAdmin() || actor.organizationId() != null
            && CurrentActor.find().isPresent()
            && directory.findOrganization(actor.organizationId()).map(o -> o.type() == OrganizationType.AUTHORITY)
            .orElse(false);
    }
}
