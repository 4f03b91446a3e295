package org.govshare.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditPage;
import org.govshare.audit.AuditQueries;
import org.govshare.audit.DataAccessSearch;
import org.govshare.exchange.DataServiceReports.CallRecord;
import org.govshare.exchange.DataServiceReports.Side;
import org.govshare.exchange.DataServiceReports.UsageQuery;
import org.govshare.platform.PageView;
import org.springframework.stereotype.Component;

/**
 * Single data service calls as the audit log holds them: the provider sees the very entries written
 * before each answer left (through the audit module's data access search).
 */
@Component
class CallLog {

    private static final Pattern RECORDS = Pattern.compile("(\\d+) records?\\b");

    private final AuditQueries audit;

    CallLog(AuditQueries audit) {
        this.audit = audit;
    }

    PageView<CallRecord> page(UsageAccess.Scope scope, int page, int size, UsageNames.Lookup names) {
        UsageQuery q = scope.query();
        UUID provider = scope.side() == Side.PROVIDER ? scope.organizationId() : null;
        UUID consumer = scope.side() == Side.CONSUMER ? scope.organizationId() : q.consumerId();
        if (scope.side() == Side.CONSUMER && q.consumerId() != null && !q.consumerId().equals(consumer)) {
            return new PageView<>(List.of(), page, size, 0, 0);
        }
        AuditPage entries = audit.dataAccesses(new DataAccessSearch(start(scope.from()).toInstant(),
            start(scope.to().plusDays(1)).toInstant(), provider, consumer, q.resourceId(), q.clientId(), q.method()),
            page, size);
        names.loadClients(entries.items().stream().map(AuditEntry::clientApplicationId).toList());
        List<CallRecord> items = entries.items().stream().map(e -> {
            UUID resource = UUID.fromString(e.targetId());
            return new CallRecord(e.seq(), e.occurredAt(), e.action().substring("data.".length()), resource,
                names.resourceCode(resource), names.resourceName(resource), e.organizationId(),
                names.organization(e.organizationId()), e.clientApplicationId(), names.client(e.clientApplicationId()),
                e.purpose(), e.outcome().name(), resultCount(e.outcome().name(), e.detail()), e.detail(), e.requestId());
        }).toList();
        return new PageView<>(items, page, size, entries.totalElements(), entries.totalPages());
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
