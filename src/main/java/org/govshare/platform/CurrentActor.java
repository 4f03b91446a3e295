package org.govshare.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request, taken from the security context. Services ask for it instead
 * of taking user ids from request bodies, so nobody can act in another's name.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    public static Actor require() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no actor"));
    }
}
