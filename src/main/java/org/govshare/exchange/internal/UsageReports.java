package org.govshare.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.exchange.DataServiceReports;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.SharingManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reports from {@code data_service_usage}: one grouped query per view (days, callers, purposes,
 * resources) over the scope the person may see, so a report costs four index range scans however
 * many calls were made. Today's quota use comes from the meter, which also counts what it has not
 * flushed yet, so the consumer sees the same figure the quota check uses.
 */
@Service
class UsageReports implements DataServiceReports {

    private final JdbcClient jdbc;
    private final UsageAccess access;
    private final UsageNames names;
    private final UsageMeter meter;
    private final SharingManagement sharing;
    private final CallLog callLog;

    UsageReports(JdbcClient jdbc, UsageAccess access, UsageNames names, UsageMeter meter, SharingManagement sharing,
                 CallLog callLog) {
        this.jdbc = jdbc;
        this.access = access;
        this.names = names;
        this.meter = meter;
        this.sharing = sharing;
        this.callLog = callLog;
    }

    /** The where clause of a scope, with its parameters. */
    record Where(String sql, Map<String, Object> params) {

        static Where of(UsageAccess.Scope s) {
            StringBuilder sql = new StringBuilder("day between :from and :to");
            Map<String, Object> p = new HashMap<>();
            p.put("from", s.from());
            p.put("to", s.to());
            if (s.side() == Side.PROVIDER) {
                sql.append(" and provider_id = :org");
                p.put("org", s.organizationId());
            } else if (s.side() == Side.CONSUMER) {
                sql.append(" and consumer_id = :org");
                p.put("org", s.organizationId());
            }
            UsageQuery q = s.query();
            if (q.resourceId() != null) {
                sql.append(" and resource_id = :resource");
                p.put("resource", q.resourceId());
            }
            if (q.consumerId() != null) {
                sql.append(" and consumer_id = :consumer");
                p.put("consumer", q.consumerId());
            }
            if (q.clientId() != null) {
                sql.append(" and client_application_id = :client");
                p.put("client", q.clientId());
            }
            if (q.method() != null) {
                sql.append(" and method = :method");
                p.put("method", q.method());
            }
            return new Where(sql.toString(), p);
        }
    }

    @Override
    public UsageReport usage(UsageQuery query) {
        UsageAccess.Scope scope = access.check(query, meter.today());
        Where w = Where.of(scope);
        UsageNames.Lookup lookup = names.lookup();

        Map<LocalDate, DayUsage> byDay = new LinkedHashMap<>();
        for (LocalDate d = scope.from(); !d.isAfter(scope.to()); d = d.plusDays(1)) {
            byDay.put(d, new DayUsage(d, 0, 0, 0));
        }
        rows("select day, sum(calls), sum(refused), sum(records) from data_service_usage where " + w.sql()
            + " group by day", w).forEach(r -> {
                LocalDate d = ((java.sql.Date) r[0]).toLocalDate();
                byDay.put(d, new DayUsage(d, n(r[1]), n(r[2]), n(r[3])));
            });
        long calls = 0;
        long refused = 0;
        long records = 0;
        for (DayUsage d : byDay.values()) {
            calls += d.calls();
            refused += d.refused();
            records += d.records();
        }

        List<Object[]> callerRows = rows("select consumer_id, client_application_id, sum(calls), sum(refused), "
            + "sum(records), max(day) from data_service_usage where " + w.sql()
            + " group by 1, 2 order by 3 desc, 4 desc", w);
        lookup.loadClients(callerRows.stream().map(r -> (UUID) r[1]).toList());
        List<CallerUsage> callers = callerRows.stream().map(r -> new CallerUsage((UUID) r[0],
            lookup.organization((UUID) r[0]), (UUID) r[1], lookup.client((UUID) r[1]), n(r[2]), n(r[3]), n(r[4]),
            ((java.sql.Date) r[5]).toLocalDate())).toList();

        List<PurposeUsage> purposes = rows("select purpose, sum(calls), sum(refused), sum(records) "
            + "from data_service_usage where " + w.sql() + " group by 1 order by 2 desc, 3 desc, 1", w).stream()
            .map(r -> new PurposeUsage((String) r[0], n(r[1]), n(r[2]), n(r[3]))).toList();

        List<ResourceUsage> resources = rows("select resource_id, provider_id, sum(calls), sum(refused), sum(records) "
            + "from data_service_usage where " + w.sql() + " group by 1, 2 order by 3 desc, 4 desc", w).stream()
            .map(r -> new ResourceUsage((UUID) r[0], lookup.resourceCode((UUID) r[0]), lookup.resourceName((UUID) r[0]),
                (UUID) r[1], lookup.organization((UUID) r[1]), n(r[2]), n(r[3]), n(r[4]))).toList();

        return new UsageReport(scope.side(), scope.organizationId(), scope.from(), scope.to(),
            new Figures(calls, refused, records), List.copyOf(byDay.values()), callers, purposes, resources);
    }

    @Override
    public List<QuotaUse> quotas(UUID consumerId) {
        UsageAccess.Scope scope = access.check(new UsageQuery(Side.CONSUMER, consumerId, null, null, null, null, null,
            null), meter.today());
        UsageNames.Lookup lookup = names.lookup();
        List<QuotaUse> out = new ArrayList<>();
        for (UsageNames.Client c : names.clientsOf(scope.organizationId())) {
            // sharing shows a client's grant list to the client itself and the authority; this person's
            // right to see the department's usage was checked above, so the platform reads it for them
            for (GrantView g : CurrentActor.runAs(CurrentActor.system(), () -> sharing.activeGrants(c.id()))) {
                out.add(new QuotaUse(c.id(), c.name(), g.resourceId(), g.resourceCode(), g.resourceName(),
                    lookup.organization(g.providerId()), g.id(), g.number(), g.dailyQuota(),
                    meter.usedToday(c.id(), g.resourceId()), g.validUntil()));
            }
        }
        return out;
    }

    @Override
    public PageView<CallRecord> calls(UsageQuery query, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "usage-page-invalid");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "page-size-invalid", MAX_PAGE_SIZE);
        }
        UsageAccess.Scope scope = access.check(query, meter.today());
        return callLog.page(scope, page, size, names.lookup());
    }

    @Override
    public Today today() {
        Actor actor = access.person();
        UUID org = actor.organizationId();
        if (org == null) {
            return new Today(0, 0, 0);
        }
        Map<String, Long> sums = jdbc.sql("""
                select coalesce(sum(calls) filter (where provider_id = :org), 0) as provided,
                       coalesce(sum(calls) filter (where consumer_id = :org), 0) as consumed
                from data_service_usage where day = :day and (provider_id = :org or consumer_id = :org)
                """).param("org", org).param("day", meter.today())
            .query((rs, n) -> Map.of("provided", rs.getLong(1), "consumed", rs.getLong(2))).single();
        long warnings = quotas(org).stream().filter(QuotaUse::warning).count();
        return new Today(sums.get("provided"), sums.get("consumed"), warnings);
    }

    @Override
    public boolean seesAll() {
        return access.isAuthority(access.person());
    }

    private List<Object[]> rows(String sql, Where w) {
        return jdbc.sql(sql).params(w.params()).query((rs, n) -> {
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }).list();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
