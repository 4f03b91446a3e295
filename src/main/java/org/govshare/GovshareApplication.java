package org.govshare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The government information resource sharing platform. One deployable; each top-level package
 * below {@code org.govshare} is a Spring Modulith application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(systemName = "govshare", sharedModules = "platform")
public class GovshareApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovshareApplication.class, args);
    }
}
