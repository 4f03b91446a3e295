package org.govshare.dataset.internal;

import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a resource's records: its provider's stewards and administrators load and
 * read them (platform administrators anywhere), the provider's client applications push, the
 * sharing authority and auditors read overviews and load histories. Nobody else.
 */
@Component
public class DatasetAccess {

    private final DirectoryManagement directory;

    DatasetAccess(DirectoryManagement directory) {
        this.directory = directory;
    }

    public boolean isAuthority(Actor actor) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return !actor.isClient() && actor.organizationId() != null && directory.findOrganization(actor.organizationId())
            .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    /** Loads, rules, records, rollback: the provider's stewards and administrators, platform administrators. */
    public boolean canManage(Actor actor, UUID providerId) {
        return actor.isPlatformAdmin() || (!actor.isClient() && actor.belongsTo(providerId)
            && (actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN)));
    }

    /** Push: besides the managers, the provider's own client applications. */
    public boolean canPush(Actor actor, UUID providerId) {
        return canManage(actor, providerId) || (actor.isClient() && actor.belongsTo(providerId));
    }

    /** Overviews and load histories: managers, the provider's clients and auditors, the authority. */
    public boolean canOverview(Actor actor, UUID providerId) {
        return canPush(actor, providerId) || isAuthority(actor)
            || (actor.hasRole(Roles.AUDITOR) && actor.belongsTo(providerId));
    }
}
