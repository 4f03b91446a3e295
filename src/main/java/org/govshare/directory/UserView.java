package org.govshare.directory;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record UserView(UUID id, String username, String displayName, UUID organizationId, Set<Role> roles,
                       String email, String phone, boolean enabled, boolean locked, Instant lastLoginAt,
                       long version, Instant createdAt) {
}
