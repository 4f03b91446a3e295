package org.govshare.platform.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void keepsItsDataAcrossARestartOnANewPort(@TempDir Path dir) throws Exception {
        Path binaries = PostgresDistribution.unpacked(Path.of(System.getProperty("java.io.tmpdir"), "govshare-postgres"));
        EmbeddedPostgresServer first = new EmbeddedPostgresServer(binaries, dir.resolve("pg"));
        first.start(false);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedPostgresServer.USER, first.password());
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('龙泉驿')");
        } finally {
            first.stop();
        }

        EmbeddedPostgresServer second = new EmbeddedPostgresServer(binaries, dir.resolve("pg"));
        second.start(false);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedPostgresServer.USER, second.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("龙泉驿");
        } finally {
            second.stop();
        }
        assertThat(dir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void refusesConnectionsWithoutThePassword(@TempDir Path dir) throws Exception {
        Path binaries = PostgresDistribution.unpacked(Path.of(System.getProperty("java.io.tmpdir"), "govshare-postgres"));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, dir.resolve("pg"));
        server.start(false);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "wrong"))
                .hasMessageContaining("password authentication failed");
        } finally {
            server.stop();
        }
    }
}
