package org.govshare.exchange.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.exchange.DataServiceReports;
import org.govshare.exchange.DataServiceReports.Side;
import org.govshare.exchange.DataServiceReports.UsageQuery;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a usage query into what the current person may see: people only (never a client key); the
 * authority (platform administrators, anyone of the authority department, hence its auditors) any
 * department and all; everyone else their own department on either side, and on the provider side
 * only their own resources, on the consumer side only their own clients.
 */
@Component
class UsageAccess {

    private final DirectoryManagement directory;
    private final CatalogManagement catalog;
    private final UsageNames names;

    UsageAccess(DirectoryManagement directory, CatalogManagement catalog, UsageNames names) {
        this.directory = directory;
        this.catalog = catalog;
        this.names = names;
    }

    /** A checked query: the side, the department (null for ALL) and the period with its defaults. */
    record Scope(Side side, UUID organizationId, LocalDate from, LocalDate to, UsageQuery query) {
    }

    Actor person() {
        Actor actor = CurrentActor.require();
        if (actor.isClient()) {
            throw forbidden(null);
        }
        return actor;
    }

    boolean isAuthority(Actor actor) {
        return actor.isPlatformAdmin() || actor.organizationId() != null && directory.findOrganization(actor.organizationId())
            .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    Scope check(UsageQuery q, LocalDate today) {
        Actor actor = person();
        boolean authority = isAuthority(actor);
        Side side = q.side() != null ? q.side() : authority ? Side.ALL : Side.PROVIDER;
        UUID org = null;
        if (side == Side.ALL) {
            if (!authority) {
                throw forbidden("side");
            }
        } else {
            org = q.organizationId() != null ? q.organizationId() : actor.organizationId();
            if (org == null) {
                throw ProblemException.invalid("organization", "usage-organization-required");
            }
            if (!authority && !actor.belongsTo(org)) {
                throw forbidden("organization");
            }
        }
        if (q.method() != null && !DataServiceReports.METHODS.contains(q.method())) {
            throw ProblemException.invalid("method", "usage-method-unknown", q.method(),
                String.join(", ", DataServiceReports.METHODS));
        }
        LocalDate to = q.to() != null ? q.to() : q.from() != null
            ? min(q.from().plusDays(DataServiceReports.DEFAULT_DAYS - 1), today) : today;
        LocalDate from = q.from() != null ? q.from() : to.minusDays(DataServiceReports.DEFAULT_DAYS - 1);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "usage-period-reversed", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > DataServiceReports.MAX_DAYS) {
            throw ProblemException.invalid("from", "usage-period-too-long", DataServiceReports.MAX_DAYS);
        }
        if (q.resourceId() != null) {
            ResourceView r = catalog.published(q.resourceId()).or(() -> catalog.find(q.resourceId()))
                .orElseThrow(() -> ProblemException.notFound("resource", q.resourceId()));
            if (side == Side.PROVIDER && !r.providerId().equals(org)) {
                throw forbidden("resource");
            }
        }
        if (q.clientId() != null) {
            UUID owner = names.clientOrganization(q.clientId())
                .orElseThrow(() -> ProblemException.notFound("client", q.clientId()));
            if (side == Side.CONSUMER && !owner.equals(org)) {
                throw forbidden("client");
            }
        }
        if (q.consumerId() != null && side == Side.CONSUMER && !q.consumerId().equals(org)) {
            throw forbidden("consumer");
        }
        return new Scope(side, org, from, to, q);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static ProblemException forbidden(String field) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", field, "problem.forbidden");
    }
}
