package org.govshare.catalog.internal;

import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a resource: its provider's staff, the sharing authority, everyone else.
 * Public (within the module) so catalog search applies the same authority rule as the catalog.
 */
@Component
public class CatalogAccess {

    private final DirectoryManagement directory;

    CatalogAccess(DirectoryManagement directory) {
        this.directory = directory;
    }

    /** The sharing authority: platform administrators and the staff of the authority organization. */
    public boolean isAuthority(Actor actor) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return !actor.isClient() && actor.organizationId() != null && directory.findOrganization(actor.organizationId())
            .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    boolean canReview(Actor actor) {
        return actor.isPlatformAdmin() || (actor.hasRole(Roles.REVIEWER) && isAuthority(actor));
    }

    /** Stewards and administrators of the provider catalogue its resources. */
    boolean canCatalogue(Actor actor, UUID providerId) {
        return actor.belongsTo(providerId) && (actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN));
    }

    /** Sees the working copy (unpublished state): the provider's people and the authority. */
    boolean seesWorkingCopy(Actor actor, UUID providerId) {
        return (!actor.isClient() && actor.belongsTo(providerId)) || isAuthority(actor);
    }

    boolean organizationExists(UUID id) {
        return directory.findOrganization(id).isPresent();
    }
}
