package org.govshare.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.govshare.sharing.GrantChange;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.RowFilter;
import org.govshare.sharing.SharingEvents.GrantRef;
import org.springframework.http.HttpStatus;

/**
 * The grant aggregate. Its scope only ever shrinks after issue (narrowing keeps every row filter and
 * mask it had) except for a renewal of its end; a revoked grant changes no more.
 */
final class Grant {

    final UUID id;
    final String number;
    final UUID applicationId;
    final UUID consumerId;
    final UUID clientApplicationId;
    final UUID resourceId;
    final String resourceCode;
    final String resourceName;
    final UUID providerId;
    final LocalDate validFrom;
    final Instant createdAt;
    final long version;

    int resourceVersion;
    List<String> items;
    List<String> purposes;
    List<RowFilter> rowScope;
    Map<String, Mask> masks;
    int dailyQuota;
    LocalDate validUntil;
    boolean revoked;
    String revokedReason;
    Instant revokedAt;
    boolean reviewNeeded;
    String reviewReason;
    boolean expiryReminded;
    Instant updatedAt;

    Grant(UUID id, String number, UUID applicationId, UUID consumerId, UUID clientApplicationId, UUID resourceId,
          String resourceCode, String resourceName, UUID providerId, int resourceVersion, List<String> items,
          List<String> purposes, List<RowFilter> rowScope, Map<String, Mask> masks, int dailyQuota, LocalDate validFrom, LocalDate validUntil,
          Instant createdAt, long version) {
        this.id = id;
        this.number = number;
        this.applicationId = applicationId;
        this.consumerId = consumerId;
        this.clientApplicationId = clientApplicationId;
        this.resourceId = resourceId;
        this.resourceCode = resourceCode;
        this.resourceName = resourceName;
        this.providerId = providerId;
        this.resourceVersion = resourceVersion;
        this.items = List.copyOf(items);
        this.purposes = List.copyOf(purposes);
        this.rowScope = List.copyOf(rowScope);
        this.masks = new LinkedHashMap<>(masks);
        this.dailyQuota = dailyQuota;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.createdAt = createdAt;
        this.version = version;
    }

    GrantRef ref() {
        return new GrantRef(id, number, applicationId, consumerId, clientApplicationId, providerId, resourceId);
    }

    GrantState state(LocalDate today) {
        if (revoked) {
            return GrantState.REVOKED;
        }
        if (today.isBefore(validFrom)) {
            return GrantState.PENDING;
        }
        return today.isAfter(validUntil) ? GrantState.EXPIRED : GrantState.ACTIVE;
    }

    private void requireNotRevoked(String action) {
        if (revoked) {
            throw new ProblemException(HttpStatus.CONFLICT, "grant-revoked", "state", "problem.grant-revoked", action);
        }
    }

    void renew(LocalDate until, LocalDate latestAllowed) {
        requireNotRevoked("renew");
        if (until == null || !until.isAfter(validUntil)) {
            throw ProblemException.invalid("validUntil", "renewal-not-later", validUntil);
        }
        if (until.isAfter(latestAllowed)) {
            throw ProblemException.invalid("validUntil", "period-too-long", latestAllowed);
        }
        validUntil = until;
        expiryReminded = false;
    }

    void narrow(GrantChange change, List<String> resourceItems) {
        narrow(change, resourceItems, java.util.Set.of());
    }

    /** Narrows the grant; {@code numericItems}: the resource's items whose row filter values must be numbers. */
    void narrow(GrantChange change, List<String> resourceItems, java.util.Set<String> numericItems) {
        requireNotRevoked("narrow");
        List<Violation> v = new ArrayList<>();
        if (change.items() != null) {
            if (change.items().isEmpty()) {
                v.add(Violation.of("items", "grant-items-empty"));
            }
            for (int i = 0; i < change.items().size(); i++) {
                if (!items.contains(change.items().get(i))) {
                    v.add(Violation.of("items[" + i + "]", "grant-item-not-granted", change.items().get(i)));
                }
            }
        }
        if (change.purposes() != null) {
            v.addAll(Scopes.checkPurposeSubset("purposes", change.purposes(), purposes));
        }
        if (change.dailyQuota() != null && (change.dailyQuota() < 1 || change.dailyQuota() > dailyQuota)) {
            v.add(Violation.of("dailyQuota", "grant-quota-not-lower", dailyQuota));
        }
        if (change.validUntil() != null && (change.validUntil().isAfter(validUntil)
            || change.validUntil().isBefore(validFrom))) {
            v.add(Violation.of("validUntil", "grant-end-not-earlier", validFrom, validUntil));
        }
        if (change.masks() != null) {
            v.addAll(Scopes.checkMasks("masks", change.masks(), change.items() != null ? change.items() : items));
            change.masks().forEach((item, m) -> {
                if (m == null || m.type() == null || !atLeastAsStrict(m, masks.get(item))) {
                    v.add(Violation.of("masks." + item, "grant-mask-looser", item));
                }
            });
        }
        if (change.addedRowFilters() != null) {
            v.addAll(Scopes.checkFilters("addedRowFilters", change.addedRowFilters(), resourceItems, numericItems));
        }
        ViolationsException.throwIfAny(v);
        if (change.items() != null) {
            items = List.copyOf(change.items());
        }
        if (change.purposes() != null) {
            purposes = Scopes.granted(change.purposes(), purposes);
        }
        if (change.dailyQuota() != null) {
            dailyQuota = change.dailyQuota();
        }
        if (change.validUntil() != null) {
            validUntil = change.validUntil();
        }
        if (change.masks() != null) {
            masks.putAll(change.masks());
        }
        if (change.addedRowFilters() != null) {
            List<RowFilter> scope = new ArrayList<>(rowScope);
            scope.addAll(change.addedRowFilters());
            rowScope = List.copyOf(scope);
        }
        masks.keySet().retainAll(items);
    }

    /**
     * Whether {@code next} shows no more than {@code before}: nullify, then a keyed hash, then
     * letters and digits masked, then the year of a date, then a shown prefix or suffix (the same
     * side, no longer), then nothing masked. Switching the shown side would reveal new characters.
     */
    static boolean atLeastAsStrict(Mask next, Mask before) {
        if (before == null || before.type() == MaskType.NONE || next.equals(before)) {
            return true;
        }
        if (next.type().takesLength() && before.type().takesLength()) {
            return next.type() == before.type() && next.n() != null && before.n() != null && next.n() <= before.n();
        }
        return rank(next.type()) > rank(before.type());
    }

    private static int rank(MaskType type) {
        return switch (type) {
            case NULLIFY -> 6;
            case HASH -> 5;
            case MASK -> 4;
            case DATE_YEAR_ONLY -> 3;
            case SHOW_FIRST, SHOW_LAST -> 2;
            case NONE -> 0;
        };
    }

    void revoke(String reason, Instant now) {
        requireNotRevoked("revoke");
        revoked = true;
        revokedReason = reason;
        revokedAt = now;
    }

    boolean flagForReview(String reason) {
        if (revoked) {
            return false;
        }
        reviewNeeded = true;
        reviewReason = reason;
        return true;
    }

    /** Confirmed against the resource's current version: every granted item must still be there. */
    void confirmReview(int currentVersion, List<String> currentItems) {
        requireNotRevoked("confirm-review");
        if (!reviewNeeded) {
            throw ProblemException.conflict("reviewNeeded", "grant-review-not-needed");
        }
        List<String> gone = items.stream().filter(i -> !currentItems.contains(i)).toList();
        if (!gone.isEmpty()) {
            throw ProblemException.conflict("items", "grant-items-gone", String.join("、", gone));
        }
        reviewNeeded = false;
        reviewReason = null;
        resourceVersion = currentVersion;
    }
}
