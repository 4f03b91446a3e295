package org.govshare.directory;

import org.govshare.platform.Roles;

/** Roles a person can hold; only the sharing authority's own staff can be platform administrators. */
public enum Role {
    PLATFORM_ADMIN, ORG_ADMIN, DATA_STEWARD, REVIEWER, AUDITOR;

    static {
        for (Role r : values()) {
            if (!Roles.PERSON_ROLES.contains(r.name())) {
                throw new IllegalStateException("Role out of sync with platform Roles: " + r);
            }
        }
    }
}
