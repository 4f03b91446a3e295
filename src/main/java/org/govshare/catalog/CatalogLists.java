package org.govshare.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The three lists the authority keeps beside the catalog: responsibility (一数一源 — one
 * authoritative source per data item), the negative list (what is not shared, on which legal
 * basis, and challenges of it), and duty changes after which a department must update its
 * catalog within a deadline.
 */
public interface CatalogLists {

    /** Every standard data item name that some department claims to be the source of. */
    List<Responsibility> responsibilities(boolean conflictsOnly);

    /** The authority names the one source of a data item; later claims by others show as conflicts. */
    Responsibility settle(String standardName, UUID organizationId, String note);

    List<NegativeListEntry> negativeList();

    NegativeChallenge challenge(UUID resourceId, String itemCode, String reason);

    /** The provider explains why the data is not shared. */
    NegativeChallenge respond(UUID challengeId, String response);

    /** The authority closes a challenge: upheld keeps "not shared", overturned tells the provider to share. */
    NegativeChallenge decide(UUID challengeId, boolean overturned);

    DutyChange recordDutyChange(UUID organizationId, String description, LocalDate changedOn);

    /** Duty changes with whether the department has updated its catalog since, and by when it must. */
    List<DutyChange> dutyChanges(UUID organizationId);

    record Claim(UUID organizationId, String resourceCode, String resourceName, String itemName) {
    }

    record Responsibility(String standardName, List<Claim> claims, UUID settledOrganizationId, String note,
                          boolean conflict) {
    }

    record NegativeListEntry(UUID resourceId, String resourceCode, String resourceName, UUID providerId,
                             String itemCode, String itemName, String legalBasis, List<NegativeChallenge> challenges) {
    }

    record NegativeChallenge(UUID id, UUID resourceId, String itemCode, String reason, String raisedBy,
                             java.time.Instant raisedAt, String status, String response, String respondedBy) {
    }

    record DutyChange(UUID id, UUID organizationId, String description, LocalDate changedOn, LocalDate dueOn,
                      LocalDate catalogUpdatedOn, boolean overdue) {

        public boolean done() {
            return catalogUpdatedOn != null;
        }
    }
}
