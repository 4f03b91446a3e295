package org.govshare.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.exchange.DataServiceReports.CallRecord;
import org.govshare.exchange.DataServiceReports.Side;
import org.govshare.exchange.DataServiceReports.UsageQuery;
import org.govshare.platform.PageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single data service calls as the audit log holds them (read only, never written here): the
 * provider sees the very entries written before each answer left. The audit module's search is
 * for administrators and auditors and cannot filter by resource; this read is narrower: data
 * service actions only, on the scope's side, using the log's organization indexes.
 */
@Component
class CallLog {

    private static final Pattern RECORDS = Pattern.compile("(\\d+) records?\\b");
    private static final String ACTIONS = "action in ('data.lookup', 'data.query', 'data.verify', 'data.export') "
        + "and target_type = 'resource' and client_application_id is not null";

    private final JdbcClient jdbc;

    CallLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageView<CallRecord> page(UsageAccess.Scope scope, int page, int size, UsageNames.Lookup names) {
        StringBuilder where = new StringBuilder(ACTIONS)
            .append(" and occurred_at >= :from and occurred_at < :to");
        Map<String, Object> p = new HashMap<>();
        p.put("from", start(scope.from()));
        p.put("to", start(scope.to().plusDays(1)));
        if (scope.side() == Side.PROVIDER) {
            where.append(" and target_organization_id = :org");
            p.put("org", scope.organizationId());
        } else if (scope.side() == Side.CONSUMER) {
            where.append(" and organization_id = :org");
            p.put("org", scope.organizationId());
        }
        UsageQuery q = scope.query();
        if (q.resourceId() != null) {
            where.append(" and target_id = :resource");
            p.put("resource", q.resourceId().toString());
        }
        if (q.consumerId() != null) {
            where.append(" and organization_id = :consumer");
            p.put("consumer", q.consumerId());
        }
        if (q.clientId() != null) {
            where.append(" and client_application_id = :client");
            p.put("client", q.clientId());
        }
        if (q.method() != null) {
            where.append(" and action = :action");
            p.put("action", "data." + q.method());
        }
        long total = jdbc.sql("select count(*) from audit_entry where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        record Row(long seq, Instant at, String action, String targetId, UUID org, UUID client, String purpose,
                   String outcome, String detail, String requestId) {
        }
        List<Row> rows = jdbc.sql("select seq, occurred_at, action, target_id, organization_id, client_application_id, "
                + "purpose, outcome, detail, request_id from audit_entry where " + where
                + " order by seq desc limit :limit offset :offset")
            .params(p)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10)))
            .list();
        names.loadClients(rows.stream().map(Row::client).toList());
        List<CallRecord> items = rows.stream().map(r -> {
            UUID resource = UUID.fromString(r.targetId());
            return new CallRecord(r.seq(), r.at(), r.action().substring("data.".length()), resource,
                names.resourceCode(resource), names.resourceName(resource), r.org(), names.organization(r.org()),
                r.client(), names.client(r.client()), r.purpose(), r.outcome(), resultCount(r.outcome(), r.detail()),
                r.detail(), r.requestId());
        }).toList();
        int pages = (int) ((total + size - 1) / size);
        return new PageView<>(items, page, size, total, pages);
    }

    private static java.time.OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(UsageMeter.ZONE).toOffsetDateTime();
    }

    /** The count the gateway wrote ("3 records", "found, match"); null for refusals and unknown shapes. */
    static Long resultCount(String outcome, String detail) {
        if (!"SUCCESS".equals(outcome) || detail == null) {
            return null;
        }
        Matcher m = RECORDS.matcher(detail);
        Long last = null;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        if (last != null) {
            return last;
        }
        if (detail.contains("not found, ")) {
            return 0L;
        }
        return detail.contains("found, ") ? 1L : null;
    }
}
