package org.govshare.catalog.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.govshare.directory.DirectoryEvents;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a resource: its provider's staff, the sharing authority, everyone else.
 * Public within the catalog module so its sub-packages (Excel transfer, search) decide the same way.
 */
@Component
public class CatalogAccess {

    private final DirectoryManagement directory;
    /**
     * Whether an organization is the authority, asked on every search and catalog read: kept until
     * the directory reports a change of that organization (synchronously, so never stale after it).
     */
    private final Map<UUID, Boolean> authorityOrganizations = new ConcurrentHashMap<>();

    CatalogAccess(DirectoryManagement directory) {
        this.directory = directory;
    }

    /** Forgets at once, and again after the commit (a read in between may have cached the old state). */
    @EventListener({DirectoryEvents.OrganizationRegistered.class, DirectoryEvents.OrganizationUpdated.class})
    void organizationChanged(Object event) {
        forget(event);
    }

    @TransactionalEventListener(classes = {DirectoryEvents.OrganizationRegistered.class,
        DirectoryEvents.OrganizationUpdated.class}, fallbackExecution = true)
    void organizationChangeCommitted(Object event) {
        forget(event);
    }

    private void forget(Object event) {
        if (event instanceof DirectoryEvents.OrganizationUpdated u) {
            authorityOrganizations.remove(u.organizationId());
        } else if (event instanceof DirectoryEvents.OrganizationRegistered r) {
            authorityOrganizations.remove(r.organizationId());
        }
    }

    /** The sharing authority: platform administrators and the staff of the authority organization. */
    public boolean isAuthority(Actor actor) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return !actor.isClient() && actor.organizationId() != null
            && authorityOrganizations.computeIfAbsent(actor.organizationId(), id -> directory.findOrganization(id)
                .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false));
    }

    public boolean canReview(Actor actor) {
        return actor.isPlatformAdmin() || (actor.hasRole(Roles.REVIEWER) && isAuthority(actor));
    }

    /** Stewards and administrators of the provider catalogue its resources. */
    public boolean canCatalogue(Actor actor, UUID providerId) {
        return actor.belongsTo(providerId) && (actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN));
    }

    /** Sees the working copy (unpublished state): the provider's people and the authority. */
    public boolean seesWorkingCopy(Actor actor, UUID providerId) {
        return (!actor.isClient() && actor.belongsTo(providerId)) || isAuthority(actor);
    }

    public boolean organizationExists(UUID id) {
        return directory.findOrganization(id).isPresent();
    }
}
