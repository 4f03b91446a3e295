package org.govshare.exchange.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.govshare.sharing.SharingEvents;
import org.govshare.sharing.SharingManagement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The grant a client holds on a resource, compiled, cached per (client, resource). Every grant
 * event (issued, renewed, narrowed, revoked...) drops the pair's entry on this node as soon as it
 * commits; other nodes follow within the expiry. Validity by date is checked on every call, so a
 * grant ending at midnight ends at midnight whatever is cached.
 */
@Component
class ServedGrants {

    private record Pair(UUID client, UUID resource) {
    }

    private final SharingManagement sharing;
    private final Cache<Pair, Optional<GrantScope>> cache = Caffeine.newBuilder()
        .maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(15)).build();

    ServedGrants(SharingManagement sharing) {
        this.sharing = sharing;
    }

    Optional<GrantScope> active(UUID client, ServedResource resource) {
        Optional<GrantScope> scope = cache.get(new Pair(client, resource.id()),
            p -> sharing.activeGrant(client, resource.id()).map(g -> new GrantScope(g, resource)));
        // the resource's shape may have changed since the grant was compiled
        if (scope.isPresent() && scope.get().resource() != resource) {
            scope = sharing.activeGrant(client, resource.id()).map(g -> new GrantScope(g, resource));
            cache.put(new Pair(client, resource.id()), scope);
        }
        return scope;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SharingEvents.GrantEvent e) {
        cache.invalidate(new Pair(e.grant().clientApplicationId(), e.grant().resourceId()));
    }
}
