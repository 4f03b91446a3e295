package org.govshare.platform.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresEnvironmentPostProcessorTest {

    @Test
    void anExternalDatabaseMeansTheEmbeddedOneIsNeverStarted() {
        MockEnvironment env = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/govshare")
            .withProperty("govshare.embedded-postgres.data-dir", "target/never-created");
        new EmbeddedPostgresEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains("embeddedPostgres")).isFalse();
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/govshare");
        assertThat(new java.io.File("target/never-created")).doesNotExist();
    }

    @Test
    void itCanBeSwitchedOffExplicitly() {
        MockEnvironment env = new MockEnvironment()
            .withProperty("govshare.embedded-postgres.enabled", "false")
            .withProperty("govshare.embedded-postgres.data-dir", "target/never-created");
        new EmbeddedPostgresEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isNull();
        assertThat(new java.io.File("target/never-created")).doesNotExist();
    }
}
