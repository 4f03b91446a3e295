package org.govshare.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.govshare.audit.AuditVerification;
import org.govshare.audit.VerificationReport;
import org.govshare.audit.VerificationReport.Broken;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain. Every row carries its prev_hash, so a range splits into segments that
 * are verified independently on their own connections (in parallel) and only stitched together
 * at the boundaries: segment k+1's first prev_hash must be segment k's last hash. Rows are
 * streamed with a large fetch size in binary transfer, and each segment reuses one digest.
 */
@Component
class AuditVerifier implements AuditVerification, DisposableBean {

    private static final String SELECT = "select seq, occurred_at, actor_user_id::text, actor_name, organization_id::text, "
        + "client_application_id::text, action, target_type, target_id, target_organization_id::text, purpose, outcome, "
        + "request_id, detail, subject_keys::text, hash_alg, prev_hash, hash "
        + "from audit_entry where seq between ? and ? order by seq";
    /** Below this many entries per segment, splitting costs more than it saves. */
    private static final long MIN_SEGMENT = 20_000;

    private final DataSource dataSource;
    private final String algorithm;
    private final int fetchSize;
    private final int segments;
    private final ExecutorService pool;

    AuditVerifier(DataSource dataSource, AuditProperties properties) {
        this.dataSource = dataSource;
        this.algorithm = HashAlgorithm.of(properties.algorithm()).label();
        this.fetchSize = Math.max(100, properties.fetchSize());
        this.segments = Math.max(1, properties.verifySegments());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "audit-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public VerificationReport verify() {
        long started = System.nanoTime();
        Head head = head();
        return run(started, 1, head.lastSeq, head);
    }

    @Override
    public VerificationReport verify(long fromSeq, long toSeq) {
        long started = System.nanoTime();
        Head head = head();
        long from = Math.max(1, fromSeq);
        long to = Math.min(toSeq, head.lastSeq);
        return run(started, from, to, to == head.lastSeq ? head : null);
    }

    /** {@code head} is given when {@code to} is the head, so the head itself is checked too. */
    private VerificationReport run(long started, long from, long to, Head head) {
        if (to < from) {
            return report(started, from, to, 0, null);
        }
        byte[] before = from == 1 ? ChainHasher.GENESIS : hashOf(from - 1);
        int parts = (int) Math.max(1, Math.min(segments, (to - from + 1) / MIN_SEGMENT));
        List<long[]> ranges = new ArrayList<>();
        long per = (to - from + 1) / parts;
        for (int i = 0; i < parts; i++) {
            long a = from + i * per;
            long b = i == parts - 1 ? to : a + per - 1;
            ranges.add(new long[] {a, b});
        }
        List<CompletableFuture<Segment>> futures = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            long[] r = ranges.get(i);
            futures.add(CompletableFuture.supplyAsync(() -> segment(r[0], r[1]), pool));
        }
        List<Segment> results = new ArrayList<>();
        results.add(segment(ranges.get(0)[0], ranges.get(0)[1]));
        try {
            futures.forEach(f -> results.add(f.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }

        long checked = 0;
        Broken first = null;
        byte[] previousLast = before;
        for (int i = 0; i < results.size(); i++) {
            Segment s = results.get(i);
            checked += s.checked;
            Broken found = s.broken;
            if (found == null && s.short_()) {
                // rows missing at the end of the segment: inside the chain a gap, at its end a head that lies
                boolean atHead = i == results.size() - 1 && head != null;
                found = new Broken(s.nextExpected, atHead ? VerificationReport.HEAD_MISMATCH : VerificationReport.GAP);
            }
            if (s.checked > 0 && previousLast != null && !Arrays.equals(s.firstPrev, previousLast)) {
                found = earliest(found, new Broken(s.from, VerificationReport.LINK_MISMATCH));
            }
            first = earliest(first, found);
            previousLast = s.lastHash;
        }
        if (first == null && head != null && !Arrays.equals(previousLast, head.lastHash)) {
            first = new Broken(head.lastSeq, VerificationReport.HEAD_MISMATCH);
        }
        return report(started, from, to, checked, first);
    }

    private VerificationReport report(long started, long from, long to, long checked, Broken first) {
        return new VerificationReport(from, to, checked, Duration.ofNanos(System.nanoTime() - started), algorithm, first);
    }

    private static Broken earliest(Broken a, Broken b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.seq() < a.seq() ? b : a;
    }

    private Segment segment(long from, long to) {
        Segment s = new Segment(from);
        ChainHasher hasher = new ChainHasher();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // otherwise the driver ignores the fetch size and loads everything
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                // server-side prepared from the first use: binary transfer of bigint, timestamptz, bytea
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
                ps.setFetchSize(fetchSize);
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    scan(rs, s, hasher);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit verification could not read entries " + from + ".." + to, e);
        }
        s.lastSeqWanted = to;
        return s;
    }

    private static void scan(ResultSet rs, Segment s, ChainHasher hasher) throws SQLException {
        long expected = s.from;
        byte[] prev = null;
        while (rs.next()) {
            long seq = rs.getLong(1);
            if (seq != expected) {
                s.broken = new Broken(expected, VerificationReport.GAP);
                break;
            }
            OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
            long micros = at.toEpochSecond() * 1_000_000L + at.getNano() / 1_000;
            // ChainRow.encode's order, fed with the text columns' bytes as they came off the wire:
            // no decoding to String and encoding back to UTF-8 for 12 columns of every row
            CanonicalEncoder enc = hasher.encoder().reset().number(seq).number(micros);
            for (int col = 3; col <= 14; col++) {
                enc.utf8(rs.getBytes(col));
            }
            enc.list(PgTextArray.parse(rs.getString(15)));
            String algorithm = rs.getString(16);
            enc.text(algorithm);
            byte[] storedPrev = rs.getBytes(17);
            byte[] stored = rs.getBytes(18);
            if (prev == null) {
                s.firstPrev = storedPrev;
            } else if (!Arrays.equals(storedPrev, prev)) {
                s.broken = new Broken(seq, VerificationReport.LINK_MISMATCH);
                break;
            }
            byte[] computed;
            try {
                computed = hasher.hashEncoded(storedPrev, algorithm);
            } catch (IllegalArgumentException unknownAlgorithm) {
                computed = null;
            }
            if (!Arrays.equals(computed, stored)) {
                s.broken = new Broken(seq, VerificationReport.HASH_MISMATCH);
                break;
            }
            prev = stored;
            s.checked++;
            expected++;
        }
        s.lastHash = prev;
        s.nextExpected = expected;
    }

    private Head head() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select last_seq, last_hash from audit_chain_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_chain_head has no row");
            }
            return new Head(rs.getLong(1), rs.getBytes(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chain head", e);
        }
    }

    /** The stored hash of one entry, or null when it is missing (then the first link is not checked). */
    private byte[] hashOf(long seq) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select hash from audit_entry where seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read audit entry " + seq, e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    private record Head(long lastSeq, byte[] lastHash) {
    }

    private static final class Segment {
        final long from;
        long lastSeqWanted;
        long checked;
        long nextExpected;
        byte[] firstPrev;
        byte[] lastHash;
        Broken broken;

        Segment(long from) {
            this.from = from;
        }

        boolean short_() {
            return broken == null && nextExpected <= lastSeqWanted;
        }
    }
}
