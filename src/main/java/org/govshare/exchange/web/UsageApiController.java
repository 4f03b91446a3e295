package org.govshare.exchange.web;

import java.util.List;
import java.util.UUID;
import org.govshare.exchange.DataServiceReports;
import org.govshare.exchange.DataServiceReports.CallRecord;
import org.govshare.exchange.DataServiceReports.QuotaUse;
import org.govshare.exchange.DataServiceReports.UsageReport;
import org.govshare.platform.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data service usage for people (session or basic authentication, never an API key's client):
 * {@code side=provider|consumer|all}, the period {@code from}/{@code to} (yyyy-MM-dd, default the last
 * 30 days, at most 366) and filters {@code resource}, {@code consumer}, {@code client}, {@code method}.
 */
@RestController
@RequestMapping("/api/v1/data-services/usage")
class UsageApiController {

    private final DataServiceReports reports;

    UsageApiController(DataServiceReports reports) {
        this.reports = reports;
    }

    @GetMapping
    UsageReport usage(@RequestParam(required = false) String side, @RequestParam(required = false) UUID organization,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) UUID resource, @RequestParam(required = false) UUID consumer,
                      @RequestParam(required = false) UUID client, @RequestParam(required = false) String method) {
        return reports.usage(UsageParams.query(side, organization, from, to, resource, consumer, client, method));
    }

    /** A consumer department's grants per client with today's use against the daily quota. */
    @GetMapping("/quotas")
    List<QuotaUse> quotas(@RequestParam(required = false) UUID organization) {
        return reports.quotas(organization);
    }

    /** Single calls from the audit log, newest first. */
    @GetMapping("/calls")
    PageView<CallRecord> calls(@RequestParam(required = false) String side,
                               @RequestParam(required = false) UUID organization,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) UUID resource,
                               @RequestParam(required = false) UUID consumer,
                               @RequestParam(required = false) UUID client,
                               @RequestParam(required = false) String method,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return reports.calls(UsageParams.query(side, organization, from, to, resource, consumer, client, method), page,
            size);
    }

    /** Today's figures of my department: calls to its resources, by its clients, quota warnings. */
    @GetMapping("/today")
    DataServiceReports.Today today() {
        return reports.today();
    }
}
