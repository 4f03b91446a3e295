package org.govshare.platform.internal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run from the unpacked binaries, with its data kept in a directory so it
 * survives restarts. PostgreSQL refuses to run as root; when the JVM is root (containers, CI) the
 * server runs in an unprivileged user namespace, where root's own files appear as its own.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "govshare";
    static final String USER = "postgres";

    private static final Log log = LogFactory.getLog(EmbeddedPostgresServer.class);

    private final Path binaries;
    private final Path dataDir;
    private final Path logFile;
    private final boolean asRoot;
    private int port;
    private String password;

    EmbeddedPostgresServer(Path binaries, Path dataDir) {
        this.binaries = binaries;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    void start(boolean clean) {
        try {
            if (clean) {
                stopStale();
                FileSystemUtils.deleteRecursively(dataDir);
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            } else {
                stopStale();
            }
            password = Files.readString(credentialsFile(), StandardCharsets.UTF_8).trim();
            port = freePort();
            run(Duration.ofSeconds(90), pgBin("pg_ctl"), "start", "-w", "-t", "60", "-D", dataDir.toString(),
                    "-l", logFile.toString(),
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
            ensureDatabase();
            log.info("Embedded PostgreSQL started on 127.0.0.1:" + port + " with data in " + dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start; see " + logFile, e);
        }
    }

    void stop() {
        try {
            run(Duration.ofSeconds(60), pgBin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", dataDir.toString());
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDir.getParent());
        FileSystemUtils.deleteRecursively(dataDir);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Path pwFile = Files.createTempFile(dataDir.getParent(), "pw", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwFile, HexFormat.of().formatHex(secret));
            run(Duration.ofMinutes(3), pgBin("initdb"), "-D", dataDir.toString(), "-U", USER, "-E", "UTF8",
                    "--no-locale", "-A", "scram-sha-256", "--pwfile=" + pwFile);
            Files.copy(pwFile, credentialsFile());
        } finally {
            Files.deleteIfExists(pwFile);
        }
        Files.writeString(dataDir.resolve("postgresql.auto.conf"), """
                # written by govshare's embedded PostgreSQL bootstrap
                shared_buffers = '256MB'
                max_connections = 200
                wal_compression = on
                timezone = 'UTC'
                # the audit log writes about a kilobyte of WAL per data call (13 MB a second at
                # 12,000 calls a second): with the default 1GB, a checkpoint came about every 40 s under
                # load, each stalling commits, and so answers, for tens of milliseconds
                max_wal_size = '4GB'
                min_wal_size = '1GB'
                """, StandardCharsets.UTF_8);
    }

    private Path credentialsFile() {
        return dataDir.resolve("govshare.credentials");
    }

    private void stopStale() throws IOException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            log.info("Stopping a PostgreSQL left running on " + dataDir + " by an earlier run");
            try {
                run(Duration.ofSeconds(60), pgBin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", dataDir.toString());
            } catch (IllegalStateException notRunning) {
                Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            }
        }
    }

    private void ensureDatabase() {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, USER, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE, e);
        }
    }

    private String pgBin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(Duration timeout, String... command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("unshare", "--user", "--"));
        }
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TZ", "UTC");
        Path output = Files.createTempFile("govshare-pg", ".out");
        pb.redirectOutput(output.toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command[0], e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
