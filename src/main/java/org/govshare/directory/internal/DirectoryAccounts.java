package org.govshare.directory.internal;

import java.time.Clock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.govshare.platform.AccountDirectory;
import org.govshare.platform.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.govshare.directory.DirectoryEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** The directory's side of sign-in and API key authentication. */
@Component
class DirectoryAccounts implements AccountDirectory {

    private final Users users;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock = Clock.systemUTC();

    DirectoryAccounts(Users users, Organizations organizations, JdbcClient jdbc, TransactionTemplate tx,
                      @Value("${govshare.security.max-failed-logins:5}") int maxFailures,
                      @Value("${govshare.security.lockout:15m}") Duration lockout) {
        this.users = users;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    public Optional<Account> findAccount(String username) {
        return users.findByUsername(username).map(u -> {
            Organization org = organizations.findById(u.organizationId()).orElseThrow();
            Set<String> roles = u.roles().stream().map(Enum::name).collect(Collectors.toSet());
            return new Account(u.id(), u.username(), u.displayName(), org.id(), org.name(), u.passwordHash(),
                u.enabled() && org.isActive(), u.lockedAt(clock.instant()), roles);
        });
    }

    @Override
    public void recordFailedLogin(String username) {
        update(username, u -> u.loginFailed(maxFailures, lockout, clock.instant()));
    }

    @Override
    public void recordSuccessfulLogin(String username) {
        update(username, u -> u.loginSucceeded(clock.instant()));
    }

    private void update(String username, Consumer<User> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                tx.executeWithoutResult(s -> users.findByUsername(username).ifPresent(u -> {
                    change.accept(u);
                    users.save(u);
                }));
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                // another sign-in of the same account changed it first: apply ours on the fresh state
            }
        }
    }

    /**
     * Keys that proved valid, by the whole key, for a few seconds: the data service authenticates
     * every call. A revoked key, client or department empties it on this node at once (below) and
     * on other nodes within the expiry. Wrong keys are never cached (they would fill it).
     */
    private final Cache<String, Actor> validKeys = Caffeine.newBuilder()
        .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(10)).build();

    @Override
    public Optional<Actor> authenticateApiKey(String rawKey) {
        Actor cached = validKeys.getIfPresent(rawKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Actor> actor = lookUp(rawKey);
        actor.ifPresent(a -> validKeys.put(rawKey, a));
        return actor;
    }

    @Override
    public Optional<ClientKey> authenticateClientKey(String rawKey) {
        return authenticateApiKey(rawKey).map(actor -> new ClientKey(ApiKeySecrets.prefixOf(rawKey), actor));
    }

    /**
     * Bearer tokens' keys by prefix, for a few seconds, evicted with the keys above. A prefix comes
     * only from a token this platform signed, so remembering "no longer valid" too is bounded.
     */
    private final Cache<String, Optional<Actor>> activeKeys = Caffeine.newBuilder()
        .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(10)).build();

    @Override
    public Optional<Actor> clientOfActiveKey(String keyPrefix) {
        return keyPrefix == null ? Optional.empty() : activeKeys.get(keyPrefix, this::activeClient);
    }

    /** Any change to keys, clients or departments may end a key's validity: forget them all (rare). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(DirectoryEvents.ApiKeyRevoked e) {
        forgetKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DirectoryEvents.ClientApplicationChanged e) {
        forgetKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DirectoryEvents.OrganizationUpdated e) {
        forgetKeys();
    }

    private void forgetKeys() {
        validKeys.invalidateAll();
        activeKeys.invalidateAll();
    }

    private Optional<Actor> activeClient(String prefix) {
        return jdbc.sql("""
                select c.id as client_id, c.name, c.organization_id
                from api_key k
                join client_application c on c.id = k.client_application_id
                join organization o on o.id = c.organization_id
                where k.prefix = :prefix and k.revoked_at is null and c.active and o.active
                """)
            .param("prefix", prefix)
            .query((rs, i) -> Actor.ofClient(rs.getObject("client_id", UUID.class), rs.getString("name"),
                rs.getObject("organization_id", UUID.class)))
            .optional();
    }

    private Optional<Actor> lookUp(String rawKey) {
        String prefix = ApiKeySecrets.prefixOf(rawKey);
        if (prefix == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select k.secret_hash, c.id as client_id, c.name, c.organization_id
                from api_key k
                join client_application c on c.id = k.client_application_id
                join organization o on o.id = c.organization_id
                where k.prefix = :prefix and k.revoked_at is null and c.active and o.active
                """)
            .param("prefix", prefix)
            .query((rs, i) -> new KeyRow(rs.getString("secret_hash"), rs.getObject("client_id", UUID.class),
                rs.getString("name"), rs.getObject("organization_id", UUID.class)))
            .optional()
            .filter(row -> ApiKeySecrets.matches(rawKey, row.hash()))
            .map(row -> Actor.ofClient(row.clientId(), row.name(), row.organizationId()));
    }

    private record KeyRow(String hash, UUID clientId, String name, UUID organizationId) {
    }
}
