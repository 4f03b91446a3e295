package org.govshare.sharing.internal;

import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what: consumers' administrators and data stewards apply and answer for their
 * applications, the provider's reviewers decide, the sharing authority (its reviewers and
 * administrators, platform administrators) pre-checks, coordinates and settles disputes. Everyone
 * involved (consumer, provider, authority) sees an application; nobody else does.
 */
@Component
class SharingAccess {

    private final DirectoryManagement directory;

    SharingAccess(DirectoryManagement directory) {
        this.directory = directory;
    }

    boolean inAuthority(Actor actor) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return !actor.isClient() && actor.organizationId() != null && directory.findOrganization(actor.organizationId())
            .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    /** Acts for the authority: pre-check, coordination, disputes, grant revocation. */
    boolean actsForAuthority(Actor actor) {
        return actor.isPlatformAdmin()
            || (inAuthority(actor) && (actor.hasRole(Roles.REVIEWER) || actor.hasRole(Roles.ORG_ADMIN)));
    }

    boolean canApply(Actor actor) {
        return !actor.isClient() && actor.organizationId() != null
            && (actor.hasRole(Roles.ORG_ADMIN) || actor.hasRole(Roles.DATA_STEWARD));
    }

    boolean isConsumer(Actor actor, UUID consumerId) {
        return canApply(actor) && actor.belongsTo(consumerId);
    }

    boolean isReviewer(Actor actor, UUID providerId) {
        return !actor.isClient() && actor.belongsTo(providerId) && actor.hasRole(Roles.REVIEWER);
    }

    boolean canSee(Actor actor, UUID consumerId, UUID providerId) {
        return !actor.isClient() && (actor.belongsTo(consumerId) || actor.belongsTo(providerId) || inAuthority(actor));
    }

    static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    static void require(boolean allowed) {
        if (!allowed) {
            throw forbidden();
        }
    }
}
