package org.govshare.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.govshare.platform.PageView;

/**
 * Who calls what, for people rather than client systems: a provider department sees the calls to
 * its own resources (who, why, how often), a consumer department its own clients' calls and their
 * use of each grant's daily quota, and the sharing authority (its people and auditors) everything.
 * Figures come from the per-day usage counters, the call list from the audit log, so what a
 * provider sees is exactly what was audited. Another department's ids are refused (403, audited).
 */
public interface DataServiceReports {

    int DEFAULT_DAYS = 30;
    int MAX_DAYS = 366;
    int MAX_PAGE_SIZE = 100;
    List<String> METHODS = List.of("lookup", "query", "verify", "export");

    /** Calls per day, per caller, per purpose and per resource over a period, as the query's side sees them. */
    UsageReport usage(UsageQuery query);

    /**
     * A consumer department's active grants per client application with today's use against the daily
     * quota; {@code consumerId} null means the current person's department.
     */
    List<QuotaUse> quotas(UUID consumerId);

    /** Single calls from the audit log, newest first, on the query's side. */
    PageView<CallRecord> calls(UsageQuery query, int page, int size);

    /** Today's figures of the current person's department, for the dashboard. */
    Today today();

    /** Whether the current person sees every department's usage (the authority). */
    boolean seesAll();

    /** Whose view: calls to the department's resources, calls by the department's clients, or all (authority). */
    enum Side { PROVIDER, CONSUMER, ALL }

    /**
     * The period [from, to] in days (Asia/Shanghai; null: the last {@value #DEFAULT_DAYS} days up to today)
     * and optional filters; {@code organizationId} null means the current person's department.
     */
    record UsageQuery(Side side, UUID organizationId, LocalDate from, LocalDate to, UUID resourceId, UUID consumerId,
                      UUID clientId, String method) {

        public static UsageQuery of(Side side) {
            return new UsageQuery(side, null, null, null, null, null, null, null);
        }
    }

    record Figures(long calls, long refused, long records) {
    }

    /** The report with the period and department it was made for (defaults filled in). */
    record UsageReport(Side side, UUID organizationId, LocalDate from, LocalDate to, Figures totals, List<DayUsage> days,
                       List<CallerUsage> callers, List<PurposeUsage> purposes, List<ResourceUsage> resources) {
    }

    /** One day of the period; days without calls are present with zeros, so charts have no gaps. */
    record DayUsage(LocalDate day, long calls, long refused, long records) {
    }

    /** Who: a consumer department and its client application. */
    record CallerUsage(UUID consumerId, String consumerName, UUID clientId, String clientName, long calls, long refused,
                       long records, LocalDate lastDay) {
    }

    /** Why: the purpose the client gave (X-Purpose). */
    record PurposeUsage(String purpose, long calls, long refused, long records) {
    }

    record ResourceUsage(UUID resourceId, String resourceCode, String resourceName, UUID providerId, String providerName,
                         long calls, long refused, long records) {
    }

    /** One grant of a consumer's client application and how much of today's quota it has used (0: no quota). */
    record QuotaUse(UUID clientId, String clientName, UUID resourceId, String resourceCode, String resourceName,
                    String providerName, UUID grantId, String grantNumber, int dailyQuota, long usedToday,
                    LocalDate validUntil) {

        /** Share of the quota used today, 0 to 100 (0 when there is no quota). */
        public int percent() {
            return dailyQuota <= 0 ? 0 : (int) Math.min(100, usedToday * 100 / dailyQuota);
        }

        /** At least 80 % of the quota used. */
        public boolean warning() {
            return dailyQuota > 0 && usedToday * 5 >= dailyQuota * 4L;
        }
    }

    /** One audited call; {@code resultCount} as the audit entry states it (null when it does not). */
    record CallRecord(long seq, Instant at, String method, UUID resourceId, String resourceCode, String resourceName,
                      UUID consumerId, String consumerName, UUID clientId, String clientName, String purpose,
                      String outcome, Long resultCount, String detail, String requestId) {
    }

    /** Today's calls to the department's resources, by its clients, and its grants at 80 % of quota or more. */
    record Today(long providerCalls, long consumerCalls, long quotaWarnings) {
    }
}
