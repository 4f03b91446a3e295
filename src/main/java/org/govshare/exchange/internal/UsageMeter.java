package org.govshare.exchange.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts calls in memory and adds them to {@code data_service_usage} every few seconds, one
 * statement per flush: a row per call would double the database's work per lookup. The daily
 * quota is checked against what all nodes have flushed plus what this node has not flushed yet,
 * so with several nodes a client can exceed its quota by at most one flush interval's calls.
 * A failed flush keeps its counts for the next one; stopping the application flushes.
 */
@Component
class UsageMeter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Bucket(LocalDate day, UUID resource, UUID client, String purpose, String method, UUID provider,
                  UUID consumer) {
    }

    private record QuotaKey(LocalDate day, UUID client, UUID resource) {
    }

    static final class Counts {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong records = new AtomicLong();
    }

    private static final class Used {
        volatile long flushed;
        final AtomicLong unflushed = new AtomicLong();

        Used(long flushed) {
            this.flushed = flushed;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Bucket, Counts> buckets = new ConcurrentHashMap<>();
    private final Map<QuotaKey, Used> used = new ConcurrentHashMap<>();
    private volatile boolean running;

    UsageMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.system(ZONE);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Takes one call from today's quota of the client on the resource; false (and nothing taken) when
     * it is spent. A quota of 0 or less means none is set.
     */
    private boolean take(UUID client, UUID resource, int quota) {
        Used u = used(client, resource);
        if (quota <= 0) {
            u.unflushed.incrementAndGet();
            return true;
        }
        long now = u.flushed + u.unflushed.incrementAndGet();
        if (now > quota) {
            u.unflushed.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Today's calls of the client on the resource, as far as this node knows. */
    long usedToday(UUID client, UUID resource) {
        Used u = used(client, resource);
        return u.flushed + u.unflushed.get();
    }

    private Used used(UUID client, UUID resource) {
        LocalDate day = today();
        return used.computeIfAbsent(new QuotaKey(day, client, resource), k -> new Used(flushedCalls(k)));
    }

    /** The counters of a bucket (look them up once per call). */
    Counts counts(Bucket bucket) {
        return buckets.computeIfAbsent(bucket, b -> new Counts());
    }

    /**
     * Takes one call from today's quota and counts it in the bucket at once, so the quota and the
     * usage rows always agree whatever happens to the call afterwards; false when the quota is spent.
     */
    boolean answer(Bucket bucket, Counts counts, int quota) {
        if (!take(bucket.client(), bucket.resource(), quota)) {
            return false;
        }
        counts.calls.incrementAndGet();
        return true;
    }

    /** Adds the records an answered call returned. */
    void records(Counts counts, long records) {
        if (records > 0) {
            counts.records.addAndGet(records);
        }
    }

    /** Counts a refused call (which takes no quota). */
    void refused(Counts counts) {
        counts.refused.incrementAndGet();
    }

    @Scheduled(fixedDelayString = "${govshare.exchange.usage-flush-interval:2s}")
    void flush() {
        List<Bucket> keys = new ArrayList<>();
        long[][] taken = drain(keys);
        if (keys.isEmpty()) {
            refreshFlushed(Map.of());
            return;
        }
        try {
            write(keys, taken);
        } catch (RuntimeException e) {
            log.warn("Usage counts not written, kept for the next flush: {}", e.getMessage());
            for (int i = 0; i < keys.size(); i++) {
                Counts c = buckets.computeIfAbsent(keys.get(i), b -> new Counts());
                c.calls.addAndGet(taken[0][i]);
                c.refused.addAndGet(taken[1][i]);
                c.records.addAndGet(taken[2][i]);
            }
            return;
        }
        Map<QuotaKey, Long> flushedCalls = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Bucket b = keys.get(i);
            flushedCalls.merge(new QuotaKey(b.day(), b.client(), b.resource()), taken[0][i], Long::sum);
        }
        refreshFlushed(flushedCalls);
    }

    private long[][] drain(List<Bucket> keys) {
        List<long[]> rows = new ArrayList<>();
        LocalDate today = today();
        for (Map.Entry<Bucket, Counts> e : buckets.entrySet()) {
            Counts c = e.getValue();
            long calls = c.calls.getAndSet(0);
            long refused = c.refused.getAndSet(0);
            long records = c.records.getAndSet(0);
            if (calls == 0 && refused == 0 && records == 0) {
                if (e.getKey().day().isBefore(today)) {
                    buckets.remove(e.getKey(), c);
                }
                continue;
            }
            keys.add(e.getKey());
            rows.add(new long[] {calls, refused, records});
        }
        long[][] out = new long[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[0][i] = rows.get(i)[0];
            out[1][i] = rows.get(i)[1];
            out[2][i] = rows.get(i)[2];
        }
        return out;
    }

    private void write(List<Bucket> keys, long[][] taken) {
        int n = keys.size();
        String[] days = new String[n];
        String[] resources = new String[n];
        String[] clients = new String[n];
        String[] purposes = new String[n];
        String[] methods = new String[n];
        String[] providers = new String[n];
        String[] consumers = new String[n];
        Long[] calls = new Long[n];
        Long[] refused = new Long[n];
        Long[] records = new Long[n];
        for (int i = 0; i < n; i++) {
            Bucket b = keys.get(i);
            days[i] = b.day().toString();
            resources[i] = b.resource().toString();
            clients[i] = b.client().toString();
            purposes[i] = b.purpose();
            methods[i] = b.method();
            providers[i] = b.provider().toString();
            consumers[i] = b.consumer().toString();
            calls[i] = taken[0][i];
            refused[i] = taken[1][i];
            records[i] = taken[2][i];
        }
        jdbc.sql("""
                insert into data_service_usage (day, resource_id, client_application_id, purpose, method, provider_id,
                    consumer_id, calls, refused, records)
                select * from unnest(?::date[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[],
                    ?::bigint[], ?::bigint[], ?::bigint[])
                on conflict (day, resource_id, client_application_id, purpose, method) do update
                set calls = data_service_usage.calls + excluded.calls,
                    refused = data_service_usage.refused + excluded.refused,
                    records = data_service_usage.records + excluded.records
                """)
            .params(days, resources, clients, purposes, methods, providers, consumers, calls, refused, records)
            .update();
    }

    /** Moves what was written from "unflushed" to "flushed" and learns other nodes' calls. */
    private void refreshFlushed(Map<QuotaKey, Long> justWritten) {
        LocalDate today = today();
        used.keySet().removeIf(k -> k.day().isBefore(today));
        if (used.isEmpty()) {
            return;
        }
        Map<QuotaKey, Long> totals = null;
        try {
            totals = new HashMap<>();
            for (Map<String, Object> row : jdbc.sql("select client_application_id, resource_id, sum(calls) as calls "
                    + "from data_service_usage where day = ? group by 1, 2").param(today).query().listOfRows()) {
                totals.put(new QuotaKey(today, (UUID) row.get("client_application_id"), (UUID) row.get("resource_id")),
                    ((Number) row.get("calls")).longValue());
            }
        } catch (RuntimeException ex) {
            totals = null;
        }
        for (Map.Entry<QuotaKey, Used> e : used.entrySet()) {
            Used u = e.getValue();
            long written = justWritten.getOrDefault(e.getKey(), 0L);
            if (totals == null) {
                u.flushed += written;
            } else {
                u.flushed = totals.getOrDefault(e.getKey(), u.flushed + written);
            }
            u.unflushed.addAndGet(-written);
        }
    }

    private long flushedCalls(QuotaKey k) {
        return jdbc.sql("select coalesce(sum(calls), 0) from data_service_usage "
                + "where day = ? and client_application_id = ? and resource_id = ?")
            .params(k.day(), k.client(), k.resource()).query(Long.class).single();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Usage counts not written at shutdown: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the data source closes
        return Integer.MAX_VALUE - 100;
    }
}
