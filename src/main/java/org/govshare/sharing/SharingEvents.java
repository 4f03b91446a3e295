package org.govshare.sharing;

import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/**
 * Every transition of an application or a grant. Each carries the ids its listeners need
 * (notifications, assessment, the data service's grant cache) and is an audit entry whose target
 * organization is the data's provider.
 */
public final class SharingEvents {

    private SharingEvents() {
    }

    /** The parties of an application, as every application event names them. */
    public record ApplicationRef(UUID id, String number, SharingPath path, UUID consumerId, UUID providerId,
                                 UUID resourceId, ApplicationState state) {
    }

    /** The common shape of the application events. */
    public sealed interface ApplicationEvent extends AuditableEvent {
        ApplicationRef application();

        Actor by();

        String requestId();

        String action();

        String comment();

        @Override
        default AuditFacts auditFacts() {
            ApplicationRef a = application();
            String detail = a.path() + " → " + a.state() + ", consumer " + a.consumerId()
                + (comment() == null || comment().isBlank() ? "" : ": " + abbreviate(comment()));
            return new AuditFacts(by(), requestId(), "sharing.application." + action(), "sharing-application",
                a.number(), a.providerId(), detail);
        }
    }

    public record ApplicationSubmitted(ApplicationRef application, Actor by, String requestId, String comment)
        implements ApplicationEvent {
        public String action() {
            return "submitted";
        }
    }

    public record ApplicationPrechecked(ApplicationRef application, boolean passed, Actor by, String requestId,
                                        String comment) implements ApplicationEvent {
        public String action() {
            return passed ? "precheck-passed" : "precheck-returned";
        }
    }

    public record SupplementRequested(ApplicationRef application, Actor by, String requestId, String comment)
        implements ApplicationEvent {
        public String action() {
            return "supplement-requested";
        }
    }

    public record ApplicationSupplemented(ApplicationRef application, Actor by, String requestId, String comment)
        implements ApplicationEvent {
        public String action() {
            return "supplemented";
        }
    }

    public record ApplicationApproved(ApplicationRef application, UUID grantId, Actor by, String requestId,
                                      String comment) implements ApplicationEvent {
        public String action() {
            return "approved";
        }
    }

    public record ApplicationRefused(ApplicationRef application, Actor by, String requestId, String comment)
        implements ApplicationEvent {
        public String action() {
            return "refused";
        }
    }

    public record ApplicationWithdrawn(ApplicationRef application, Actor by, String requestId, String comment)
        implements ApplicationEvent {
        public String action() {
            return "withdrawn";
        }
    }

    public record RefusalDisputed(ApplicationRef application, Actor by, String requestId, String comment)
        implements ApplicationEvent {
        public String action() {
            return "disputed";
        }
    }

    public record DisputeDecided(ApplicationRef application, boolean upheld, Actor by, String requestId,
                                 String comment) implements ApplicationEvent {
        public String action() {
            return upheld ? "refusal-upheld" : "refusal-overturned";
        }
    }

    public record CoordinationConcluded(ApplicationRef application, boolean granted, Actor by, String requestId,
                                        String comment) implements ApplicationEvent {
        public String action() {
            return granted ? "coordination-granted" : "coordination-not-granted";
        }
    }

    /** A running stage has at most the configured working days left. */
    public record DeadlineApproaching(ApplicationRef application, java.time.LocalDate dueDate, Actor by,
                                      String requestId, String comment) implements ApplicationEvent {
        public String action() {
            return "deadline-approaching";
        }
    }

    /** A stage's deadline passed undecided: escalated to the authority; a review stage counts against the provider. */
    public record ApplicationOverdue(ApplicationRef application, ApplicationState stage, java.time.LocalDate dueDate,
                                     Actor by, String requestId, String comment) implements ApplicationEvent {
        public String action() {
            return "overdue";
        }
    }

    /** The parties of a grant, as every grant event names them. */
    public record GrantRef(UUID id, String number, UUID applicationId, UUID consumerId, UUID clientApplicationId,
                           UUID providerId, UUID resourceId) {
    }

    /** The common shape of the grant events. */
    public sealed interface GrantEvent extends AuditableEvent {
        GrantRef grant();

        Actor by();

        String requestId();

        String action();

        String comment();

        @Override
        default AuditFacts auditFacts() {
            GrantRef g = grant();
            return new AuditFacts(by(), requestId(), "sharing.grant." + action(), "sharing-grant", g.number(),
                g.providerId(), "consumer " + g.consumerId() + ", client " + g.clientApplicationId()
                    + (comment() == null || comment().isBlank() ? "" : ": " + abbreviate(comment())));
        }
    }

    public record GrantIssued(GrantRef grant, Actor by, String requestId, String comment) implements GrantEvent {
        public String action() {
            return "issued";
        }
    }

    public record GrantRenewed(GrantRef grant, Actor by, String requestId, String comment) implements GrantEvent {
        public String action() {
            return "renewed";
        }
    }

    public record GrantNarrowed(GrantRef grant, Actor by, String requestId, String comment) implements GrantEvent {
        public String action() {
            return "narrowed";
        }
    }

    public record GrantRevoked(GrantRef grant, Actor by, String requestId, String comment) implements GrantEvent {
        public String action() {
            return "revoked";
        }
    }

    /** The resource changed version or was withdrawn: the provider must look at the grant again. */
    public record GrantReviewFlagged(GrantRef grant, Actor by, String requestId, String comment)
        implements GrantEvent {
        public String action() {
            return "review-flagged";
        }
    }

    public record GrantReviewConfirmed(GrantRef grant, Actor by, String requestId, String comment)
        implements GrantEvent {
        public String action() {
            return "review-confirmed";
        }
    }

    /** A grant ends within the configured working days: the consumer may ask the provider to renew it. */
    public record GrantExpiring(GrantRef grant, java.time.LocalDate validUntil, Actor by, String requestId,
                                String comment) implements GrantEvent {
        public String action() {
            return "expiring";
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
