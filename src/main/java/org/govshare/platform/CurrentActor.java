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

    /**
     * Runs work as the given actor, for start-up tasks and jobs that act on the platform's own
     * behalf (the demo district, the first administrator). The previous context is restored.
     */
    public static <T> T runAs(Actor actor, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var authorities = actor.roles().stream()
            .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + r)).toList();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
            .authenticated(new SystemPrincipal(actor), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The platform acting on its own behalf, as a platform administrator without an organization. */
    public static Actor system() {
        return new Actor(null, "system", null, java.util.Set.of(Roles.PLATFORM_ADMIN), null);
    }

    private record SystemPrincipal(Actor actor) implements ActorPrincipal {
    }

    public static Actor require() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no actor"));
    }
}
