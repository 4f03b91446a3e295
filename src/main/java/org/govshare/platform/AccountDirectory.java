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

    /**
     * Like {@link #authenticateApiKey}, with the key's public prefix: a bearer token issued for the key
     * names it, so that revoking the key ends the token too.
     */
    Optional<ClientKey> authenticateClientKey(String rawKey);

    /**
     * The client application of a key that is still valid (key not revoked, client and department
     * active), by the key's prefix: a bearer token's re-check on every call. Answers may be cached for
     * seconds, like {@link #authenticateApiKey}.
     */
    Optional<Actor> clientOfActiveKey(String keyPrefix);

    /** A person's account as the login needs it; the hash never leaves the server. */
    record Account(UUID userId, String username, String displayName, UUID organizationId, String organizationName,
                   String passwordHash, boolean enabled, boolean locked, Set<String> roles) {
    }

    /** A client application's key that proved valid: its public prefix and the client acting. */
    record ClientKey(String prefix, Actor client) {
    }
}
