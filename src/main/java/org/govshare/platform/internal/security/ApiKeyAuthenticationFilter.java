package org.govshare.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.govshare.platform.AccountDirectory;
import org.govshare.platform.Actor;
import org.govshare.platform.ActorPrincipal;
import org.govshare.platform.Roles;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates client applications (系统) by the {@value #HEADER} header. A wrong or revoked key
 * is answered with 401 at once; it never falls through to another mechanism.
 */
@Component
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final AccountDirectory accounts;
    private final ProblemAccessHandlers handlers;

    ApiKeyAuthenticationFilter(AccountDirectory accounts, ProblemAccessHandlers handlers) {
        this.accounts = accounts;
        this.handlers = handlers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        var actor = accounts.authenticateApiKey(key.trim());
        if (actor.isEmpty()) {
            SecurityContextHolder.clearContext();
            handlers.commence(request, response, new BadCredentialsException("invalid API key"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ClientAuthentication(actor.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static final class ClientAuthentication extends AbstractAuthenticationToken {

        private final ClientPrincipal principal;

        ClientAuthentication(Actor actor) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CLIENT_APPLICATION)));
            this.principal = new ClientPrincipal(actor);
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }

    record ClientPrincipal(Actor actor) implements ActorPrincipal {
    }
}
