package org.govshare.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.govshare.platform.Actor;

/**
 * One fact to append: who (actor), did what (action) to which object (target, and the
 * organization that owns it), why (purpose), with which outcome, about which data subjects.
 * Subject identifiers are given raw and leave this object only as keyed hashes. Build it with
 * {@link #builder(String)}.
 */
public record AuditRecord(Instant occurredAt, UUID actorUserId, String actorName, UUID organizationId,
                          UUID clientApplicationId, String action, String targetType, String targetId,
                          UUID targetOrganizationId, String purpose, AuditOutcome outcome, String requestId,
                          String detail, List<String> subjectIds) {

    public AuditRecord {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action is required");
        }
        // PostgreSQL stores microseconds: hash exactly what is stored
        occurredAt = (occurredAt == null ? Instant.now() : occurredAt).truncatedTo(ChronoUnit.MICROS);
        outcome = outcome == null ? AuditOutcome.SUCCESS : outcome;
        actorName = clean(actorName);
        action = clean(action.strip());
        targetType = clean(targetType);
        targetId = clean(targetId);
        purpose = clean(purpose);
        requestId = clean(requestId);
        detail = clean(detail);
        subjectIds = subjectIds == null ? List.of()
            : subjectIds.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
    }

    public static Builder builder(String action) {
        return new Builder(action);
    }

    /** PostgreSQL text cannot hold NUL; one bad character must not fail a whole batch. */
    private static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    /** Fluent construction; {@link #actor(Actor)} fills the actor's user, name, organization and client. */
    public static final class Builder {

        private Instant occurredAt;
        private UUID actorUserId;
        private String actorName;
        private UUID organizationId;
        private UUID clientApplicationId;
        private final String action;
        private String targetType;
        private String targetId;
        private UUID targetOrganizationId;
        private String purpose;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private String requestId;
        private String detail;
        private final List<String> subjectIds = new ArrayList<>();

        private Builder(String action) {
            this.action = action;
        }

        public Builder actor(Actor actor) {
            if (actor != null) {
                this.actorUserId = actor.userId();
                this.actorName = actor.name();
                this.organizationId = actor.organizationId();
                this.clientApplicationId = actor.clientApplicationId();
            }
            return this;
        }

        public Builder actor(UUID userId, String name, UUID organizationId) {
            this.actorUserId = userId;
            this.actorName = name;
            this.organizationId = organizationId;
            return this;
        }

        public Builder target(String type, String id, UUID organizationId) {
            this.targetType = type;
            this.targetId = id;
            this.targetOrganizationId = organizationId;
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** A data subject's raw identifier; only its keyed hash is stored. */
        public Builder subjectId(String rawIdentifier) {
            this.subjectIds.add(rawIdentifier);
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(occurredAt, actorUserId, actorName, organizationId, clientApplicationId, action,
                targetType, targetId, targetOrganizationId, purpose, outcome, requestId, detail, subjectIds);
        }
    }
}
