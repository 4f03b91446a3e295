package org.govshare.platform.internal.web;

import org.govshare.platform.LoginHints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever ran {@code mvn spring-boot:run} where to go and how to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final LoginHints hints;
    private final Environment env;

    StartupBanner(org.springframework.beans.factory.ObjectProvider<LoginHints> hints, Environment env) {
        this.hints = hints.getIfAvailable();
        this.env = env;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
        StringBuilder sb = new StringBuilder("\n\n  govshare is running: http://localhost:" + port + "/\n");
        sb.append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n");
        Integer dataPort = env.getProperty(DataServiceConnector.LOCAL_PORT, Integer.class);
        if (dataPort != null) {
            sb.append("  Data service for client systems: http://localhost:").append(dataPort).append("/api/v1/data\n");
        }
        if (hints != null) {
            sb.append("  Demo accounts (password ").append(hints.password()).append("):\n");
            hints.accounts().forEach(h -> sb.append("    ").append(String.format("%-14s", h.username())).append(h.description()).append('\n'));
        }
        log.info(sb.toString());
    }
}
