package org.govshare.directory.internal;

import java.util.EnumSet;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.NewUser;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.Role;
import org.govshare.platform.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A real deployment (demo off) starts with an empty directory: the sharing authority and its
 * first platform administrator are created from configuration on the first start, never again.
 */
@Component
@ConditionalOnBooleanProperty(name = "govshare.demo.enabled", havingValue = false)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final DirectoryManagement directory;
    private final Organizations organizations;
    private final Environment env;

    FirstAdministrator(DirectoryManagement directory, Organizations organizations, Environment env) {
        this.directory = directory;
        this.organizations = organizations;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.count() > 0) {
            return;
        }
        String name = env.getProperty("govshare.bootstrap.authority-name");
        String code = env.getProperty("govshare.bootstrap.authority-credit-code");
        String password = env.getProperty("govshare.bootstrap.admin-password");
        String username = env.getProperty("govshare.bootstrap.admin-username", "admin");
        if (name == null || code == null || password == null) {
            log.warn("The directory is empty and the demo is off. Set GOVSHARE_BOOTSTRAP_AUTHORITY_NAME, "
                + "GOVSHARE_BOOTSTRAP_AUTHORITY_CREDIT_CODE and GOVSHARE_BOOTSTRAP_ADMIN_PASSWORD to create the "
                + "sharing authority and its first platform administrator.");
            return;
        }
        CurrentActor.runAs(CurrentActor.system(), () -> {
            var authority = directory.registerOrganization(new OrganizationDetails(name, null, OrganizationType.AUTHORITY,
                null, code, null, null, null));
            directory.createUser(new NewUser(username, username, authority.id(), password,
                EnumSet.of(Role.PLATFORM_ADMIN, Role.ORG_ADMIN), null, null));
            return null;
        });
        log.info("Created the sharing authority {} and its administrator {}", name, username);
    }
}
