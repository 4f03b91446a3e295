package org.govshare.audit.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.govshare.GovshareApplication;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditRecord;
import org.govshare.audit.AuditVerification;
import org.govshare.audit.VerificationReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable appends through {@link AuditLog#append} from concurrent callers that each wait for
 * their receipt, then verification of the whole chain, beside a baseline in the same run: the
 * same number of equivalent rows COPYed into a table of the same shape (same columns, indexes,
 * no chain, no trigger) from one connection. Runs the whole application on a fresh embedded
 * PostgreSQL under target/bench-pg. Usage: AuditBenchmark [entries] [callers].
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        ConfigurableApplicationContext ctx = new SpringApplication(GovshareApplication.class).run(
            "--govshare.embedded-postgres.data-dir=target/bench-pg",
            "--govshare.embedded-postgres.clean=true",
            "--govshare.demo.enabled=false",
            "--server.port=0", "--govshare.data-service.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.org.govshare=WARN");
        try {
            run(ctx, entries, callers);
        } finally {
            ctx.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext ctx, int entries, int callers) throws Exception {
        AuditLog log = ctx.getBean(AuditLog.class);
        AuditVerification verification = ctx.getBean(AuditVerification.class);
        DataSource dataSource = ctx.getBean(DataSource.class);
        MeterRegistry meters = ctx.getBean(MeterRegistry.class);
        System.out.printf("audit bench: %,d entries, %d concurrent callers each waiting for durability, %d cores%n",
            entries, callers, Runtime.getRuntime().availableProcessors());

        appendAll(log, 20_000, callers); // warm-up (JIT, caches); not measured
        DistributionSummary batches = meters.find("govshare.audit.batch.size").tag("writer", "audit-writer").summary();
        long batchesBefore = batches == null ? 0 : batches.count();
        double totalBefore = batches == null ? 0 : batches.totalAmount();

        io.micrometer.core.instrument.Timer batchTimer = meters.find("govshare.audit.batch.duration")
            .tag("writer", "audit-writer").timer();
        double timerBefore = batchTimer == null ? 0 : batchTimer.totalTime(TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        appendAll(log, entries, callers);
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        double appendRate = entries / appendSeconds;
        long batchCount = batches == null ? 0 : batches.count() - batchesBefore;
        double meanBatch = batchCount == 0 ? 0 : (batches.totalAmount() - totalBefore) / batchCount;
        double batchMillis = batchTimer == null || batchCount == 0 ? 0
            : (batchTimer.totalTime(TimeUnit.MILLISECONDS) - timerBefore) / batchCount;
        System.out.printf("append   : %,d entries in %.2f s = %,.0f entries/s (%,d commits, mean batch %.1f entries, "
            + "%.2f ms to chain and write)%n", entries, appendSeconds, appendRate, batchCount, meanBatch, batchMillis);

        VerificationReport report = verification.verify();
        System.out.printf("verify   : %,d entries in %.2f s = %,d entries/s, %s%n", report.entriesChecked(),
            report.elapsed().toMillis() / 1000.0, report.entriesPerSecond(),
            report.ok() ? "chain intact" : "BROKEN at " + report.firstBroken());

        double copyRate = baselineCopy(dataSource, entries);
        System.out.printf("baseline : plain COPY of %,d equivalent rows (same columns and indexes, no chain) from one "
            + "connection = %,.0f rows/s%n", entries, copyRate);
        System.out.printf("ratio    : chained durable appends / plain COPY = %.2f%n", appendRate / copyRate);
        System.out.printf("RESULT append=%.0f/s verify=%d/s copy_baseline=%.0f/s ratio=%.3f ok=%s%n",
            appendRate, report.entriesPerSecond(), copyRate, appendRate / copyRate, report.ok());
    }

    private static void appendAll(AuditLog log, int entries, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int share = entries / callers + (c < entries % callers ? 1 : 0);
                UUID org = UUID.randomUUID();
                UUID client = UUID.randomUUID();
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        log.append(record(org, client, i)).get(60, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a data lookup through the exchange gateway writes: client, purpose, target, one data subject. */
    private static AuditRecord record(UUID org, UUID client, int i) {
        return AuditRecord.builder("exchange.lookup")
            .actor(new org.govshare.platform.Actor(null, "bench-client", org, java.util.Set.of("CLIENT_APPLICATION"), client))
            .target("resource", "R-510112-0001", org)
            .purpose("一网通办：户籍证明核验")
            .outcome(AuditOutcome.SUCCESS)
            .requestId("bench-" + i)
            .detail("fields=name,address; rows=1")
            .subjectId(String.format("510112%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)))
            .build();
    }

    private static double baselineCopy(DataSource dataSource, int entries) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists audit_bench_plain");
                // same shape as audit_entry; LIKE copies columns, constraints and indexes but no trigger
                s.execute("create table audit_bench_plain (like audit_entry including all)");
            }
            HexFormat hex = HexFormat.of();
            byte[] hash = new byte[32];
            ThreadLocalRandom.current().nextBytes(hash);
            String hashText = "\\\\x" + hex.formatHex(hash);
            String org = UUID.randomUUID().toString();
            String client = UUID.randomUUID().toString();
            long t0 = System.nanoTime();
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy audit_bench_plain (seq, occurred_at, actor_user_id, actor_name, organization_id, "
                    + "client_application_id, action, target_type, target_id, target_organization_id, purpose, outcome, "
                    + "request_id, detail, subject_keys, hash_alg, prev_hash, hash) from stdin");
            StringBuilder sb = new StringBuilder(1 << 20);
            byte[] key = new byte[32];
            for (int i = 1; i <= entries; i++) {
                ThreadLocalRandom.current().nextBytes(key);
                sb.append(i).append('\t').append(Instant.now()).append("\t\\N\tbench-client\t").append(org).append('\t')
                    .append(client).append("\texchange.lookup\tresource\tR-510112-0001\t").append(org)
                    .append("\t一网通办：户籍证明核验\tSUCCESS\tbench-").append(i).append("\tfields=name,address; rows=1\t{\"")
                    .append(hex.formatHex(key)).append("\"}\tSHA-256\t").append(hashText).append('\t').append(hashText)
                    .append('\n');
                if (sb.length() > (1 << 20) - 1024 || i == entries) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            copy.endCopy();
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("drop table audit_bench_plain");
            }
            return entries / seconds;
        }
    }
}
