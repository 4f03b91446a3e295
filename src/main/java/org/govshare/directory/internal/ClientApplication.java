package org.govshare.directory.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.govshare.directory.ApiKeyView;
import org.govshare.directory.ClientApplicationRef;
import org.govshare.directory.ClientApplicationView;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A department's system (系统) that calls the platform's API with its own keys. */
@Table("client_application")
class ClientApplication {

    static final int MAX_ACTIVE_KEYS = 2;

    @Id
    private UUID id;
    @Version
    private Long version;
    private UUID organizationId;
    private String name;
    private String description;
    private boolean active;
    private Instant createdAt;
    @MappedCollection(idColumn = "client_application_id")
    private Set<ApiKey> keys = new HashSet<>();

    ClientApplication() {
    }

    static ClientApplication register(UUID organizationId, String name, String description, Instant now) {
        ClientApplication c = new ClientApplication();
        c.id = UUID.randomUUID();
        c.organizationId = organizationId;
        c.name = name.trim();
        c.description = description == null || description.isBlank() ? null : description.trim();
        c.active = true;
        c.createdAt = now;
        return c;
    }

    /** Adds a key; refuses when two are already active, so old keys are rotated, not piled up. */
    boolean addKey(ApiKey key) {
        if (keys.stream().filter(ApiKey::active).count() >= MAX_ACTIVE_KEYS) {
            return false;
        }
        keys.add(key);
        return true;
    }

    void revokeAll(Instant now) {
        keys = new HashSet<>(keys.stream().map(k -> k.active() ? k.revoked(now) : k).toList());
    }

    boolean revoke(String prefix, Instant now) {
        boolean found = keys.stream().anyMatch(k -> k.prefix().equals(prefix) && k.active());
        keys = new HashSet<>(keys.stream().map(k -> k.prefix().equals(prefix) && k.active() ? k.revoked(now) : k).toList());
        return found;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    ClientApplicationRef ref() {
        return new ClientApplicationRef(id, organizationId, name, active);
    }

    ClientApplicationView view() {
        return new ClientApplicationView(id, organizationId, name, description, active,
            keys.stream().sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .map(k -> new ApiKeyView(k.prefix(), k.createdAt(), k.revokedAt())).toList(), createdAt);
    }

    UUID id() {
        return id;
    }

    UUID organizationId() {
        return organizationId;
    }

    @Table("api_key")
    record ApiKey(@Id UUID id, String prefix, String secretHash, Instant createdAt, Instant revokedAt) {

        boolean active() {
            return revokedAt == null;
        }

        ApiKey revoked(Instant now) {
            return new ApiKey(id, prefix, secretHash, createdAt, now);
        }
    }
}
