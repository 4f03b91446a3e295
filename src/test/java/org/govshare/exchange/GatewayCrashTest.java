package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.audit.AuditVerification;
import org.govshare.audit.VerificationReport;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 under load: a second application node (another JVM, {@link GatewayCrashMain}) serves
 * lookups on this test's database to 16 concurrent clients, each call with its own request id, and
 * is killed with SIGKILL once it has answered a couple of thousand calls. Every 200 the clients
 * received must then have its SUCCESS audit entry in the database, exactly once; entries of calls
 * whose answer never arrived are allowed. The chain still verifies, and the surviving node chains
 * its next entry after the dead node's last batch.
 *
 * <p>The second node's commits are slowed as on a slow disk, so at any moment some tens of answered
 * calls would be waiting for their batch if the gateway answered before the entry is durable: with
 * {@code CallAudit} changed not to wait for the entry, this test fails (about 60 received answers
 * without an entry per run).
 */
@IntegrationTest
class GatewayCrashTest {

    private static final int THREADS = 16;
    private static final int KILL_AFTER = 2000;
    private static final int RECORDS = 200;
    private static final int COMMIT_DELAY_MICROS = 20_000;
    private static final String PURPOSE = "社保登记核验参保单位信息（崩溃测试）";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @Autowired
    AuditVerification verification;

    @Test
    void everyAnswerReceivedFromANodeKilledUnderLoadIsInTheAuditLog() throws Exception {
        assertThat(jdbc.sql("select current_setting('synchronous_commit') || ' ' || current_setting('fsync')")
            .query(String.class).single()).as("a committed audit entry is a durable one").isEqualTo("on on");

        Served served = served();
        UUID resource = served.resource();
        String code = served.code();
        List<String> keys = served.keys();
        Client client = served.client();

        String url = slowCommits(env.getRequiredProperty("spring.datasource.url"));
        try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password")); ResultSet rs = c.createStatement().executeQuery(
                "select current_setting('commit_delay') || ' ' || current_setting('commit_siblings')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the second node's sessions").isEqualTo(COMMIT_DELAY_MICROS + " 0");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Node node = Node.start(nodeArguments(url), env.getProperty("spring.datasource.password"));
        int nodePort;
        try {
            nodePort = node.awaitReady(Duration.ofSeconds(240));
        } catch (AssertionError e) {
            node.process.destroyForcibly();
            throw e;
        }
        Load load = new Load(nodePort, code, client.key(), keys, run);
        try {
            load.start();
            assertThat(load.enough.await(90, TimeUnit.SECONDS))
                .as("%d answers before the deadline; statuses %s; node said:%n%s", load.received.size(),
                    load.statuses, node.output()).isTrue();
        } finally {
            load.kill();
            node.process.destroyForcibly();
        }
        assertThat(node.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        load.finish();

        List<String> audited = jdbc.sql("""
                select request_id from audit_entry
                where client_application_id = ? and action = 'data.lookup' and outcome = 'SUCCESS'
                  and target_id = ? and purpose = ? and cardinality(subject_keys) = 1
                """).params(client.id(), resource.toString(), PURPOSE).query(String.class).list();
        Set<String> auditedIds = new HashSet<>(audited);
        Set<String> missing = new HashSet<>(load.received);
        missing.removeAll(auditedIds);
        long extra = auditedIds.size() - (load.received.size() - missing.size());
        System.out.printf("GatewayCrashTest: second node up in %d ms; %s; killed -9 after %d ms of load; "
                + "%d SUCCESS entries audited, %d of them for calls whose answer never arrived; "
                + "%d received answers without an entry%n", node.startMillis, load.summary(), load.millis(),
            audited.size(), extra, missing.size());

        assertThat(load.received).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(missing).as("answers the client received whose audit entry is not in the database").isEmpty();
        assertThat(audited).as("one entry per call").doesNotHaveDuplicates()
            .allMatch(id -> id.startsWith("gc-" + run + "-"));

        // the surviving node chains after the dead node's last batch, and the whole chain verifies
        HttpResponse<String> after = ExchangeFixtures.call(port, client.key(), PURPOSE, "GET",
            "/api/v1/data/" + code + "/records/" + keys.get(0), null);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where client_application_id = ? and outcome = 'SUCCESS'")
            .param(client.id()).query(Long.class).single()).isEqualTo(audited.size() + 1L);
        VerificationReport report = verification.verify();
        assertThat(report.firstBroken()).as("chain after the crash").isNull();
        assertThat(report.ok()).isTrue();
    }

    /** What the node serves: a resource with records, and a client whose grant's quota the load cannot exhaust. */
    private record Served(UUID resource, String code, List<String> keys, Client client) {
    }

    private Served served() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        String code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        List<String> keys = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= RECORDS; i++) {
            String key = ExchangeFixtures.creditCode("510112", 700_000 + i);
            keys.add(key);
            rows.append(i == 1 ? "" : ",").append("""
                {"tyshxydm":"%s","qymc":"崩溃测试企业%03d有限公司","xzqh":"510112%03d","fddbr":"法人%03d"}
                """.formatted(key, i, i, i));
        }
        ExchangeFixtures.push(port, resource, "crash-" + UUID.randomUUID(), rows.toString());
        Client client = ExchangeFixtures.client(port, "rsj_admin", "崩溃测试");
        grant(resource, client);
        return new Served(resource, code, keys, client);
    }

    /** Unconditional items only: approved on application, with a quota far above the load. */
    private void grant(UUID resource, Client client) {
        Response applied = HttpApi.as(port, "rsj_steward").post("/api/v1/sharing/applications", """
            {"resourceId":"%s","items":["tyshxydm","qymc","xzqh"],"clientApplicationId":"%s",
             "purpose":"%s","basis":"《社会保险法》第五十七条","scenario":"参保单位登记与变更",
             "validFrom":"%s","validUntil":"%s","expectedDailyCalls":1000000}
            """.formatted(resource, client.id(), PURPOSE, SharingFixtures.today(), SharingFixtures.today().plusYears(1)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.text("state")).as(applied.body()).isEqualTo("APPROVED");
    }

    /** The second node: this test's database, mail server and master key; its own search index and files. */
    private List<String> nodeArguments(String url) {
        Path dir = Path.of("target/gateway-crash").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir.toFile());
        return List.of(
            "--spring.profiles.active=test",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + env.getRequiredProperty("spring.datasource.username"),
            "--spring.mail.host=" + env.getProperty("spring.mail.host", "127.0.0.1"),
            "--spring.mail.port=" + env.getProperty("spring.mail.port", "25"),
            "--govshare.crypto.key-file=" + Path.of(env.getRequiredProperty("govshare.crypto.key-file")).toAbsolutePath(),
            "--govshare.demo.enabled=false",
            "--govshare.catalog.search.index-dir=" + dir.resolve("search"),
            "--govshare.dataset.upload-dir=" + dir.resolve("uploads"),
            // the outstanding events of this test's node are not the second node's to publish again
            "--spring.modulith.events.republish-outstanding-events-on-restart=false",
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.org.govshare=WARN");
    }

    /**
     * The second node's sessions wait {@value #COMMIT_DELAY_MICROS} µs before each WAL flush
     * (PostgreSQL's commit_delay), as on a slow disk: the group commit has to absorb that, and an
     * answer sent before its entry is durable would fall into that window every time, not by luck.
     */
    private static String slowCommits(String url) {
        return url + (url.contains("?") ? "&" : "?") + "options=" + URLEncoder.encode(
            "-c commit_delay=" + COMMIT_DELAY_MICROS + " -c commit_siblings=0", StandardCharsets.UTF_8);
    }

    /** The second node's process and what it printed. */
    private static final class Node {

        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> ready = new CompletableFuture<>();
        volatile long startMillis;

        private Node(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "crash-node-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Node start(List<String> arguments, String password) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
                GatewayCrashMain.class.getName()));
            cmd.addAll(arguments);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("SPRING_DATASOURCE_PASSWORD", password);
            return new Node(pb.start());
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        String[] ready = line.split(" ");
                        startMillis = Long.parseLong(ready[2]);
                        this.ready.complete(Integer.parseInt(ready[1]));
                    } else if (lines.size() < 400) {
                        lines.add(line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                lines.add("(output ended: " + e + ")");
            }
            ready.completeExceptionally(new IllegalStateException("the node ended before it was ready"));
        }

        int awaitReady(Duration timeout) {
            try {
                return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("the second node did not start: " + e + "\n" + output(), e);
            }
        }

        String output() {
            return String.join("\n", lines);
        }
    }

    /** Clients calling lookups with their own request ids, noting every 200 they fully received. */
    private static final class Load {

        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        final Set<String> received = ConcurrentHashMap.newKeySet();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong wireFailures = new AtomicLong();
        final AtomicBoolean killed = new AtomicBoolean();
        final CountDownLatch enough = new CountDownLatch(1);
        final String base;
        final String key;
        final List<String> keys;
        final String run;
        volatile long started;
        volatile long killedAt;

        Load(int port, String code, String key, List<String> keys, String run) {
            this.base = "http://127.0.0.1:" + port + "/api/v1/data/" + code + "/records/";
            this.key = key;
            this.keys = keys;
            this.run = run;
        }

        void start() {
            started = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.execute(() -> calls(thread));
            }
        }

        private void calls(int thread) {
            String purpose = URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8);
            for (int n = 0; ; n++) {
                String id = "gc-" + run + "-" + thread + "-" + n;
                String recordKey = keys.get((thread * 7919 + n) % keys.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + recordKey))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Api-Key", key).header("X-Purpose", purpose).header("X-Request-Id", id)
                    .GET().build();
                sent.incrementAndGet();
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    if (r.statusCode() == 200 && r.body().contains(recordKey)
                            && id.equals(r.headers().firstValue("X-Request-Id").orElse(null))) {
                        received.add(id);
                        if (received.size() >= KILL_AFTER) {
                            enough.countDown();
                        }
                    }
                } catch (IOException e) {
                    wireFailures.incrementAndGet();
                    if (killed.get()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void kill() {
            killedAt = System.nanoTime();
            killed.set(true);
        }

        long millis() {
            return (killedAt - started) / 1_000_000;
        }

        String summary() {
            return "%d lookups sent by %d clients, %d answered 200 and received, answers by status %s, %d cut off or refused"
                .formatted(sent.get(), THREADS, received.size(), statuses, wireFailures.get());
        }

        /** Every client ends on its first failed call after the kill: nothing listens any more. */
        void finish() throws InterruptedException {
            threads.shutdown();
            boolean ended = threads.awaitTermination(60, TimeUnit.SECONDS);
            threads.shutdownNow();
            assertThat(ended).as("clients stopped after the kill").isTrue();
        }
    }
}
