package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.GovshareApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class AuditModularityTest {

    @Test
    void auditUsesOnlyTheApiOfPlatformAndDirectoryAndNobodyUsesItsInternals() {
        ApplicationModules modules = ApplicationModules.of(GovshareApplication.class);
        modules.verify();
        ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();
        ApplicationModule directory = modules.getModuleByName("directory").orElseThrow();
        assertThat(directory.getDirectDependencies(modules).contains(audit)).as("directory must not depend on audit").isFalse();
    }
}
