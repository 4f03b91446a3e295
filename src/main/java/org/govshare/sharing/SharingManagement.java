package org.govshare.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.platform.PageView;

/**
 * The sharing management system: consumers apply, the authority pre-checks, coordinates and settles
 * disputes, providers decide, and grants carry the result. Every method acts as the current actor
 * and checks role AND organization; every transition is a {@link SharingEvents} event and an audit
 * entry; a transition that does not fit the application's state is refused with 409 and changes nothing.
 */
public interface SharingManagement {

    /** Applies for items of a published resource; unconditional items are granted at once. */
    ApplicationView apply(ApplicationDraft draft);

    /** For a not-shared resource or items: asks the sharing authority to coordinate. */
    ApplicationView requestCoordination(ApplicationDraft draft);

    ApplicationView application(UUID id);

    PageView<ApplicationView> applications(ApplicationFilter filter, int page, int size);

    ApplicationView withdraw(UUID id, String reason);

    ApplicationView supplement(UUID id, String text);

    ApplicationView dispute(UUID id, String reason);

    /** The authority's pre-check: passed on to the provider, or returned as not admissible. */
    ApplicationView precheck(UUID id, boolean passed, String comment);

    ApplicationView approve(UUID id, Approval approval);

    ApplicationView refuse(UUID id, String reason);

    ApplicationView askSupplement(UUID id, String question);

    /** The authority settles a disputed refusal: upheld, or overturned with a grant. */
    ApplicationView decideDispute(UUID id, boolean upheld, Approval overturnedWith, String reason);

    /** The authority records the coordination's outcome: a grant, or not granted with the reason. */
    ApplicationView concludeCoordination(UUID id, boolean granted, Approval approval, String reason);

    GrantView grant(UUID id);

    /** A grant's history, oldest first; whoever may see the grant may see it. */
    List<GrantStep> grantHistory(UUID id);

    /**
     * The active client applications of the current person's department that an application may
     * name: only for those who may apply (administrators and data stewards).
     */
    List<org.govshare.directory.ClientApplicationView> clientsToApplyWith();

    PageView<GrantView> grants(GrantFilter filter, int page, int size);

    GrantView renew(UUID id, LocalDate validUntil, String reason);

    GrantView narrow(UUID id, GrantChange change);

    GrantView revoke(UUID id, String reason);

    /** The provider confirms a grant flagged after a new resource version (its items still exist). */
    GrantView confirmReview(UUID id, String comment);

    /** For the data service: the grant a client application holds on a resource that is valid today. */
    Optional<GrantView> activeGrant(UUID clientApplicationId, UUID resourceId);

    /**
     * For the data service, when no grant is valid today: the newest grant the client application
     * ever had on the resource (revoked, expired or not yet valid), to tell the caller which.
     */
    Optional<GrantView> latestGrant(UUID clientApplicationId, UUID resourceId);

    /** For the data service: every grant of the client application valid today, one per resource (the newest). */
    java.util.List<GrantView> activeGrants(UUID clientApplicationId);

    /** How many applications the filter finds in each state (all states present, zeros included), in one query. */
    java.util.Map<ApplicationState, Long> countsByState(ApplicationFilter filter);

    /** Overdue review stages per provider (for assessment and the authority's dashboard). */
    List<OverdueCount> overdueByProvider();

    /** Which side of applications a list shows: mine as consumer, mine as provider, or all (authority). */
    enum Side { CONSUMER, PROVIDER, ALL }

    record ApplicationFilter(Side side, ApplicationState state, SharingPath path, UUID resourceId,
                             boolean overdueOnly, boolean openOnly, String query) {
        public static ApplicationFilter of(Side side) {
            return new ApplicationFilter(side, null, null, null, false, false, null);
        }
    }

    record GrantFilter(Side side, GrantState state, UUID resourceId, boolean reviewNeededOnly, String query) {
        public static GrantFilter of(Side side) {
            return new GrantFilter(side, null, null, false, null);
        }
    }

    record OverdueCount(UUID providerId, long overdueReviews, long openOverdue) {
    }
}
