package org.govshare.platform.internal.security;

import java.util.Collection;
import java.util.List;
import org.govshare.platform.AccountDirectory.Account;
import org.govshare.platform.Actor;
import org.govshare.platform.ActorPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person; carries the {@link Actor} so services need no second lookup. */
record PlatformUser(Account account) implements UserDetails, ActorPrincipal {

    @Override
    public Actor actor() {
        return Actor.ofUser(account.userId(), account.username(), account.organizationId(), account.roles());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> list = account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return list;
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !account.locked();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    String displayName() {
        return account.displayName();
    }

    String organizationName() {
        return account.organizationName();
    }
}
