package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Pulls from a real MariaDB staging database: a private {@code mariadbd} started in target/ with its
 * own data directory, port and socket (Debian's mariadb-server; .ci/run installs it). Skipped, saying
 * so, where the server is not installed.
 */
@IntegrationTest
class MariaDbPullTest {

    private static final Path HOME = Path.of("target/mariadb-test").toAbsolutePath();
    private static final String MARIADBD = "/usr/sbin/mariadbd";
    private static final String INSTALL_DB = "/usr/bin/mariadb-install-db";
    private static final String CLIENT = "/usr/bin/mariadb";
    private static final String PASSWORD = "Front#db-2026";
    private static Process server;
    private static int port;

    @LocalServerPort
    int apiPort;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startMariaDb() throws Exception {
        Assumptions.assumeTrue(new File(MARIADBD).canExecute() && new File(INSTALL_DB).canExecute()
                && new File(CLIENT).canExecute(),
            "MariaDB server not installed (apt-get install mariadb-server): MariaDB pull test skipped");
        FileSystemUtils.deleteRecursively(HOME);
        Files.createDirectories(HOME);
        boolean root = "root".equals(System.getProperty("user.name"));
        run(List.of(INSTALL_DB, "--no-defaults", "--datadir=" + HOME.resolve("data"), "--skip-test-db",
            "--auth-root-authentication-method=" + (root ? "socket" : "normal"),
            "--user=" + System.getProperty("user.name")), Duration.ofSeconds(60));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(MARIADBD, "--no-defaults", "--datadir=" + HOME.resolve("data"),
            "--port=" + port, "--socket=" + HOME.resolve("mysqld.sock"), "--bind-address=127.0.0.1",
            "--pid-file=" + HOME.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=32M",
            "--character-set-server=utf8mb4"));
        if (root) {
            cmd.add("--user=root");
        }
        server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(HOME.resolve("mysqld.log").toFile())
            .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + Files.readString(HOME.resolve("mysqld.log")));
            }
            if (sql("select 1").exitValue() == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mariadbd did not start: " + Files.readString(HOME.resolve("mysqld.log")));
            }
            Thread.sleep(200);
        }
        check(sql("""
            create database front character set utf8mb4;
            create user 'stg'@'127.0.0.1' identified by '%s';
            grant select on front.* to 'stg'@'127.0.0.1';
            create table front.licences (licence_no varchar(20) primary key, holder varchar(50), issued date,
                fee decimal(10,2), active tinyint(1), updated datetime not null);
            insert into front.licences values
                ('L001', '成都某某餐饮有限公司', '2025-03-01', 120.50, 1, '2026-01-01 08:00:00'),
                ('L002', '龙泉驿区某某超市', '2025-04-15', 80.00, 0, '2026-01-01 09:00:00'),
                ('L003', null, null, null, null, '2026-01-01 10:00:00');
            """.formatted(PASSWORD)));
    }

    @AfterAll
    static void stopMariaDb() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static Process sql(String statements) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(CLIENT, "--no-defaults", "--socket=" + HOME.resolve("mysqld.sock"), "-uroot",
            "-e", statements).redirectErrorStream(true).start();
        p.waitFor(20, TimeUnit.SECONDS);
        return p;
    }

    private static void check(Process p) throws IOException {
        if (p.exitValue() != 0) {
            throw new IllegalStateException(new String(p.getInputStream().readAllBytes()));
        }
    }

    private static void run(List<String> cmd, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(HOME.resolve("install.log").toFile())
            .start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(HOME.resolve("install.log")));
        }
    }

    private static final String ITEMS = """
        {"name":"许可证编号","codeName":"licence_no","dataType":"STRING","length":20,"key":true},
        {"name":"持证人","codeName":"holder","dataType":"STRING","length":50},
        {"name":"发证日期","codeName":"issued","dataType":"DATE"},
        {"name":"费用","codeName":"fee","dataType":"DECIMAL","length":10},
        {"name":"有效","codeName":"active","dataType":"BOOLEAN"}
        """;

    private UUID source(String kind, String scheme) {
        Response r = HttpApi.as(apiPort, "spj_steward").post("/api/v1/datasets/sources", """
            {"name":"%s前置库%s","kind":"%s","jdbcUrl":"jdbc:%s://127.0.0.1:%d/front","username":"stg","password":"%s"}
            """.formatted(kind, UUID.randomUUID().toString().substring(0, 8), kind, scheme, port, PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    @Test
    void testsAndPullsFromMariaDbAndFromAMysqlUrl() throws Exception {
        UUID maria = source("MARIADB", "mariadb");
        Response test = HttpApi.as(apiPort, "spj_steward").post("/api/v1/datasets/sources/" + maria + "/test", null);
        assertThat(test.json().get("ok").asBoolean()).as(test.body()).isTrue();
        assertThat(test.text("serverVersion")).contains("10.11");
        UUID mysql = source("MYSQL", "mysql");
        Response viaMysqlUrl = HttpApi.as(apiPort, "spj_steward").post("/api/v1/datasets/sources/" + mysql + "/test", null);
        assertThat(viaMysqlUrl.json().get("ok").asBoolean()).as(viaMysqlUrl.body()).isTrue();

        UUID resource = DatasetFixtures.published(apiPort, "spj_steward", ITEMS);
        Response defined = HttpApi.as(apiPort, "spj_steward").put("/api/v1/datasets/" + resource + "/pull", null, """
            {"sourceId":"%s","table":"licences","watermarkColumn":"updated","enabled":false}""".formatted(maria));
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        Response first = HttpApi.as(apiPort, "spj_steward").post("/api/v1/datasets/" + resource + "/pull/runs", null);
        assertThat(first.text("state")).as(first.body()).isEqualTo("SUCCEEDED");
        assertThat(first.json().get("inserted").asLong()).isEqualTo(3);
        assertThat(DatasetFixtures.records(jdbc, resource)).containsEntry("L001",
            "{\"fee\": 120.50, \"active\": true, \"holder\": \"成都某某餐饮有限公司\", \"issued\": \"2025-03-01\", "
                + "\"licence_no\": \"L001\"}");
        assertThat(DatasetFixtures.records(jdbc, resource).get("L003")).isEqualTo("{\"licence_no\": \"L003\"}");
        Response def = HttpApi.as(apiPort, "spj_steward").get("/api/v1/datasets/" + resource + "/pull");
        assertThat(def.text("watermark")).isEqualTo("2026-01-01T10:00:00");

        check(sql("insert into front.licences values ('L004', '新证', '2026-02-01', 10, 1, '2026-02-01 00:00:00');"
            + "update front.licences set active = 1, updated = '2026-02-02 00:00:00' where licence_no = 'L002';"));
        Response second = HttpApi.as(apiPort, "spj_steward").post("/api/v1/datasets/" + resource + "/pull/runs", null);
        assertThat(second.text("state")).as(second.body()).isEqualTo("SUCCEEDED");
        assertThat(second.json().get("rowsRead").asLong()).isEqualTo(2);
        assertThat(List.of(second.json().get("inserted").asLong(), second.json().get("updated").asLong()))
            .containsExactly(1L, 1L);
        assertThat(HttpApi.as(apiPort, "spj_steward").get("/api/v1/datasets/" + resource + "/pull").text("watermark"))
            .isEqualTo("2026-02-02T00:00:00");

        // read through the MySQL URL too; a query on a missing table fails and applies nothing
        Response bad = HttpApi.as(apiPort, "spj_steward").put("/api/v1/datasets/" + resource + "/pull", null, """
            {"sourceId":"%s","query":"select licence_no from front.nope","enabled":false}""".formatted(mysql));
        assertThat(bad.status()).isEqualTo(200);
        Response failed = HttpApi.as(apiPort, "spj_steward").post("/api/v1/datasets/" + resource + "/pull/runs", null);
        assertThat(failed.text("state")).isEqualTo("FAILED");
        assertThat(failed.text("errorCode")).isEqualTo("source-query-failed");
        assertThat(DatasetFixtures.records(jdbc, resource)).hasSize(4);
    }
}
