package org.govshare.directory;

import java.util.Set;
import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/** What happened in the directory, for the audit log and for any module that keeps a copy. */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    public record OrganizationRegistered(UUID organizationId, String name, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.organization.registered", "organization", organizationId.toString(), organizationId, name);
        }
    }

    public record OrganizationUpdated(UUID organizationId, String name, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.organization.updated", "organization", organizationId.toString(), organizationId, name);
        }
    }

    public record UserCreated(UUID userId, String username, UUID organizationId, Set<Role> roles, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.user.created", "user", userId.toString(), organizationId, username + " " + roles);
        }
    }

    public record UserChanged(UUID userId, String username, UUID organizationId, String change, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.user." + change, "user", userId.toString(), organizationId, username);
        }
    }

    public record ClientApplicationRegistered(UUID clientApplicationId, String name, UUID organizationId, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.client.registered", "client-application", clientApplicationId.toString(), organizationId, name);
        }
    }

    public record ClientApplicationChanged(UUID clientApplicationId, UUID organizationId, String change, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.client." + change, "client-application", clientApplicationId.toString(), organizationId, null);
        }
    }

    public record ApiKeyIssued(UUID clientApplicationId, UUID organizationId, String keyPrefix, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.api-key.issued", "client-application", clientApplicationId.toString(), organizationId, "key " + keyPrefix);
        }
    }

    public record ApiKeyRevoked(UUID clientApplicationId, UUID organizationId, String keyPrefix, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "directory.api-key.revoked", "client-application", clientApplicationId.toString(), organizationId, "key " + keyPrefix);
        }
    }
}
