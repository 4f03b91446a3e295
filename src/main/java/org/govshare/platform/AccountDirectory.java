package org.govshare.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the security setup needs from whoever keeps the accounts (the directory module). Declared
 * here so the platform never depends on a feature module.
 */
public interface AccountDirectory {

    Optional<Account> findAccount(String username);

    void recordFailedLogin(String username);

    void recordSuccessfulLogin(String username);

    Optional<Actor> authenticateApiKey(String rawKey);

    /** A person's account as the login needs it; the hash never leaves the server. */
    record Account(UUID userId, String username, String displayName, UUID organizationId, String organizationName,
                   String passwordHash, boolean enabled, boolean locked, Set<String> roles) {
    }
}
