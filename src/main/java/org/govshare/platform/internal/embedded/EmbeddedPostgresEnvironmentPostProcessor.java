package org.govshare.platform.internal.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL before any bean exists, and only when no external database is
 * configured: the DataSource then sees an ordinary {@code spring.datasource.url}. One server per
 * JVM and data directory, stopped after the contexts close so Ctrl-C leaves a clean cluster.
 */
class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("govshare.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("govshare.embedded-postgres.data-dir", "data/pg")).toAbsolutePath().normalize();
        boolean clean = env.getProperty("govshare.embedded-postgres.clean", Boolean.class, false);
        Path cache = Path.of(env.getProperty("govshare.embedded-postgres.binaries-cache",
                System.getProperty("java.io.tmpdir") + "/govshare-postgres"));
        EmbeddedPostgresServer server = serverFor(dataDir, cache, clean);
        Map<String, Object> props = Map.of(
                "spring.datasource.url", server.jdbcUrl(),
                "spring.datasource.username", EmbeddedPostgresServer.USER,
                "spring.datasource.password", server.password(),
                "govshare.embedded-postgres.running", true);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
    }

    private static synchronized EmbeddedPostgresServer serverFor(Path dataDir, Path cache, boolean clean) {
        return RUNNING.computeIfAbsent(dataDir, dir -> {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(PostgresDistribution.unpacked(cache), dir);
            server.start(clean);
            // runs after every application context has closed, so pools shut down before the server
            SpringApplication.getShutdownHandlers().add(server::stop);
            return server;
        });
    }

    @Override
    public int getOrder() {
        // after config data (application.yml, profiles) is loaded, so its settings are visible
        return Ordered.LOWEST_PRECEDENCE;
    }
}
