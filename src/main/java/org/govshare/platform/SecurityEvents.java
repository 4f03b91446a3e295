package org.govshare.platform;

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
}
