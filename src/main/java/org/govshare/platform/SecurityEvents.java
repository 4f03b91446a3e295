package org.govshare.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * Security facts the platform observes; the audit module writes them down.
 */
public final class SecurityEvents {

    private SecurityEvents() {
    }

    public record LoginSucceeded(UUID userId, String username, UUID organizationId, String remoteAddress, String requestId) {
    }

    public record LoginFailed(String username, String reason, String remoteAddress, String requestId) {
    }

    /** Someone tried to read or change what is not theirs (or not their role's). */
    public record AccessDenied(Actor actor, String method, String path, String reason, String requestId) {
    }

    /**
     * A client application obtained a bearer token for the data service with one of its keys. An audit
     * fact written durably (through the event publication registry) rather than a best-effort one.
     */
    public record AccessTokenIssued(Actor client, String tokenId, Instant expiresAt, String keyPrefix,
                                    String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(client, requestId, "security.token.issued", "client-application",
                String.valueOf(client.clientApplicationId()), client.organizationId(),
                "token " + tokenId + " with key " + keyPrefix + " until " + expiresAt);
        }
    }
}
