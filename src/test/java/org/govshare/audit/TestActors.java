package org.govshare.audit;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.govshare.platform.Actor;
import org.govshare.platform.ActorPrincipal;
import org.govshare.platform.Roles;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Acting as someone in service-level tests: puts an {@link ActorPrincipal} into the security context. */
public final class TestActors {

    private TestActors() {
    }

    public static Actor platformAdmin() {
        return Actor.ofUser(UUID.randomUUID(), "test-admin-" + shortId(), UUID.randomUUID(), Set.of(Roles.PLATFORM_ADMIN));
    }

    public static Actor person(UUID organizationId, String... roles) {
        return Actor.ofUser(UUID.randomUUID(), "test-user-" + shortId(), organizationId, Set.of(roles));
    }

    public static <T> T as(Actor actor, Callable<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        List<SimpleGrantedAuthority> authorities = actor.roles().stream()
            .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        ActorPrincipal principal = new Principal(actor);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Actor actor, Runnable work) {
        as(actor, () -> {
            work.run();
            return null;
        });
    }

    public static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    record Principal(Actor actor) implements ActorPrincipal {
        @Override
        public String toString() {
            return actor.name();
        }
    }
}
