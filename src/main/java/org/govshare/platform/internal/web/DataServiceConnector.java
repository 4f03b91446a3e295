package org.govshare.platform.internal.web;

import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The data service's own port ({@code govshare.data-service.port}, 8081 by default; -1 for none),
 * with its own few request threads: a bulkhead between client systems and the console, and the
 * pool size that makes answering cheap. Data calls answer without holding a thread while their
 * audit entry commits, so a few threads, as many as the calls that may run at once
 * ({@link DataCallCapacity}), keep the processors busy; with them all busy, the next request is
 * picked up from the queue without waking a thread, where the console's pool of 200 woke one for
 * every request (bench/gateway: 75-90 µs of JVM processor time a lookup against 100-120).
 * Uploads, downloads and pages on the console's port cannot take these threads, and client
 * systems flooding this one leave the console alone. Only the data service answers here ({@link DataPortFilter}); the console's port serves it
 * too, so nothing breaks for a client that has not moved.
 */
@Component
class DataServiceConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** The property tests and scripts read the bound port from, like Spring Boot's local.server.port. */
    static final String LOCAL_PORT = "local.data-service.port";

    private final int port;
    private final int threads;
    private final int keepAliveRequests;
    private Connector connector;

    DataServiceConnector(@Value("${govshare.data-service.port:8081}") int port,
                         @Value("${govshare.data-service.threads:0}") int threads,
                         @Value("${server.tomcat.max-keep-alive-requests:10000}") int keepAliveRequests,
                         DataCallCapacity capacity) {
        this.port = port;
        this.threads = threads > 0 ? threads : capacity.slots();
        this.keepAliveRequests = keepAliveRequests;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port < 0) {
            return;
        }
        Connector c = new Connector();
        c.setPort(port);
        if (c.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            http.setMaxThreads(threads);
            http.setMinSpareThreads(threads);
            http.setMaxKeepAliveRequests(keepAliveRequests);
        }
        factory.addAdditionalConnectors(c);
        connector = c;
    }

    /** True for a request that came in on the data service's port. */
    boolean isDataPort(int localPort) {
        return connector != null && localPort == connector.getLocalPort();
    }

    boolean enabled() {
        return port >= 0;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (connector != null && event.getApplicationContext() instanceof ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("govshare.data-service.ports", Map.of(LOCAL_PORT, connector.getLocalPort())));
        }
    }
}
