package org.govshare.platform.internal.security;

import org.govshare.platform.AccountDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class PlatformUserDetailsService implements UserDetailsService {

    private final AccountDirectory accounts;

    PlatformUserDetailsService(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findAccount(username).map(PlatformUser::new)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
