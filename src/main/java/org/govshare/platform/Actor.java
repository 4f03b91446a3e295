package org.govshare.platform;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: a signed-in person of an organization, or a client application (系统) calling
 * with an API key. Every ownership decision and every audit entry starts from this.
 */
public record Actor(UUID userId, String name, UUID organizationId, Set<String> roles, UUID clientApplicationId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor ofUser(UUID userId, String username, UUID organizationId, Set<String> roles) {
        return new Actor(userId, username, organizationId, roles, null);
    }

    public static Actor ofClient(UUID clientApplicationId, String clientName, UUID organizationId) {
        return new Actor(null, clientName, organizationId, Set.of(Roles.CLIENT_APPLICATION), clientApplicationId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The sharing authority's administrators act across all organizations. */
    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    public boolean belongsTo(UUID organization) {
        return organization != null && organization.equals(organizationId);
    }

    public boolean isClient() {
        return clientApplicationId != null;
    }
}
