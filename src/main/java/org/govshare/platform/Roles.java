package org.govshare.platform;

import java.util.List;

/**
 * Role names as Spring Security authorities see them (without the ROLE_ prefix). The directory
 * assigns them; the platform checks them.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String ORG_ADMIN = "ORG_ADMIN";
    public static final String DATA_STEWARD = "DATA_STEWARD";
    public static final String REVIEWER = "REVIEWER";
    public static final String AUDITOR = "AUDITOR";
    public static final String CLIENT_APPLICATION = "CLIENT_APPLICATION";

    public static final List<String> PERSON_ROLES = List.of(PLATFORM_ADMIN, ORG_ADMIN, DATA_STEWARD, REVIEWER, AUDITOR);

    private Roles() {
    }
}
