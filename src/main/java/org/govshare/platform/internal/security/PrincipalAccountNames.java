package org.govshare.platform.internal.security;

import org.govshare.platform.internal.web.AccountNames;
import org.springframework.stereotype.Component;

@Component
class PrincipalAccountNames implements AccountNames {

    @Override
    public String organizationOf(Object principal) {
        return principal instanceof PlatformUser user ? user.organizationName() : "";
    }

    @Override
    public String displayNameOf(Object principal) {
        return principal instanceof PlatformUser user ? user.displayName() : "";
    }
}
