package org.govshare.exchange.web;

import org.govshare.platform.ConsolePage;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.directory.DirectoryManagement;
import org.govshare.exchange.DataServiceReports;
import org.govshare.exchange.DataServiceReports.CallRecord;
import org.govshare.exchange.DataServiceReports.Side;
import org.govshare.exchange.DataServiceReports.UsageQuery;
import org.govshare.exchange.DataServiceReports.UsageReport;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.DashboardContributor.Chart;
import org.govshare.platform.PageView;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 数据服务 console: "谁在调用我的资源" (calls to my department's resources: who, why, how often,
 * per day, and the single audited calls), "我的调用与配额" (my clients' grants with today's use against
 * the daily quota) and, for the sharing authority, both across all departments. Bad filters are
 * shown next to the form; another department's ids go to the error page (403, audited).
 */
@ConsolePage
@RequestMapping("/data-services")
class UsageConsoleController {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final DataServiceReports reports;
    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final ConsoleForms forms;
    private final MessageSource messages;

    UsageConsoleController(DataServiceReports reports, CatalogManagement catalog, DirectoryManagement directory,
                           ConsoleForms forms, MessageSource messages) {
        this.reports = reports;
        this.catalog = catalog;
        this.directory = directory;
        this.forms = forms;
        this.messages = messages;
    }

    /** A page of an in-memory or database list with its links. */
    record Pager(int page, int totalPages, long totalElements, String prev, String next) {
    }

    @GetMapping("/usage")
    String usage(@RequestParam Map<String, String> params, Model model, Locale locale) {
        boolean all = reports.seesAll();
        Map<String, String> filters = filters(params, all ? "all" : "provider");
        model.addAttribute("filters", filters);
        model.addAttribute("seesAll", all);
        model.addAttribute("methods", DataServiceReports.METHODS);
        if (all) {
            model.addAttribute("organizations", directory.allOrganizations());
        }
        Optional<UsageQuery> query = forms.attempt(null, model, locale, () -> query(filters));
        Optional<UsageReport> report = query.flatMap(q -> forms.attempt(null, model, locale, () -> reports.usage(q)));
        if (report.isEmpty()) {
            model.addAttribute("charts", List.of());
            return "exchange/usage";
        }
        UsageReport r = report.get();
        model.addAttribute("report", r);
        int callerPage = page(params.get("callerPage"));
        model.addAttribute("callers", slice(r.callers(), callerPage));
        model.addAttribute("callerPager", pager(callerPage, r.callers().size(), filters, "callerPage", "/data-services/usage"));
        PageView<CallRecord> calls = reports.calls(query.get(), page(params.get("callsPage")), PAGE_SIZE);
        model.addAttribute("calls", calls);
        model.addAttribute("callsPager", pager(calls.page(), calls.totalElements(), filters, "callsPage",
            "/data-services/usage"));
        model.addAttribute("resourceOptions", resourceOptions(r));
        Map<UUID, String> consumers = new LinkedHashMap<>();
        r.callers().forEach(c -> consumers.put(c.consumerId(), c.consumerName()));
        model.addAttribute("consumerOptions", consumers);
        model.addAttribute("charts", List.of(new Chart("exchange.usage.chart", url("/data-services/usage/chart", filters))));
        return "exchange/usage";
    }

    @GetMapping("/quota")
    String quota(@RequestParam(required = false) UUID organization, @RequestParam(required = false) String callsPage,
                 Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        boolean all = reports.seesAll();
        UUID org = organization != null ? organization : actor.organizationId();
        model.addAttribute("seesAll", all);
        model.addAttribute("organization", org);
        if (all) {
            model.addAttribute("organizations", directory.allOrganizations());
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("side", "consumer");
        filters.put("organization", org == null ? "" : org.toString());
        if (org == null) {
            model.addAttribute("charts", List.of());
            model.addAttribute("quotas", List.of());
            return "exchange/quota";
        }
        model.addAttribute("quotas", reports.quotas(org));
        UsageQuery q = new UsageQuery(Side.CONSUMER, org, null, null, null, null, null, null);
        PageView<CallRecord> calls = reports.calls(q, page(callsPage), PAGE_SIZE);
        model.addAttribute("calls", calls);
        Map<String, String> base = Map.of("organization", org.toString());
        model.addAttribute("callsPager", pager(calls.page(), calls.totalElements(), base, "callsPage",
            "/data-services/quota"));
        model.addAttribute("charts", List.of(new Chart("exchange.quota.chart", url("/data-services/usage/chart", filters))));
        return "exchange/quota";
    }

    /** Calls and refusals per day for the console's chart script: {categories, series}. */
    @GetMapping(value = "/usage/chart", produces = "application/json")
    @ResponseBody
    Map<String, Object> chart(@RequestParam Map<String, String> params, Locale locale) {
        UsageReport r = reports.usage(query(filters(params, null)));
        List<String> days = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        r.days().forEach(d -> {
            days.add(DAY.format(d.day()));
            calls.add(d.calls());
            refused.add(d.refused());
        });
        return Map.of("categories", days, "series", List.of(
            Map.of("name", messages.getMessage("exchange.usage.calls", null, "calls", locale), "data", calls),
            Map.of("name", messages.getMessage("exchange.usage.refused", null, "refused", locale), "data", refused)));
    }

    private static final List<String> FILTERS = List.of("side", "organization", "from", "to", "resource", "consumer",
        "client", "method");

    private static Map<String, String> filters(Map<String, String> params, String defaultSide) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String v = params.get(name);
            f.put(name, v == null ? "" : v.strip());
        }
        if (f.get("side").isEmpty() && defaultSide != null) {
            f.put("side", defaultSide);
        }
        return f;
    }

    private static UsageQuery query(Map<String, String> f) {
        return UsageParams.query(f.get("side"), uuid("organization", f.get("organization")), f.get("from"), f.get("to"),
            uuid("resource", f.get("resource")), uuid("consumer", f.get("consumer")), uuid("client", f.get("client")),
            f.get("method"));
    }

    private static UUID uuid(String field, String text) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new org.govshare.platform.ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
                "invalid-value", field, "problem.invalid-value", field, text, "UUID");
        }
    }

    /** The resources a filter may name: the provider's published ones, else those in the report. */
    private Map<UUID, String> resourceOptions(UsageReport r) {
        Map<UUID, String> out = new LinkedHashMap<>();
        if (r.side() == Side.PROVIDER) {
            catalog.publishedResources(r.organizationId(), null).forEach(p -> out.put(p.id(), p.name() + " " + p.code()));
        }
        r.resources().forEach(x -> out.putIfAbsent(x.resourceId(), x.resourceName() + " " + x.resourceCode()));
        return out;
    }

    private static int page(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T> List<T> slice(List<T> all, int page) {
        int from = Math.min(all.size(), page * PAGE_SIZE);
        return all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
    }

    private static Pager pager(int page, long total, Map<String, String> filters, String param, String path) {
        int pages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        Map<String, String> p = new LinkedHashMap<>(filters);
        p.put(param, String.valueOf(page - 1));
        String prev = page > 0 ? url(path, p) : null;
        p.put(param, String.valueOf(page + 1));
        String next = page + 1 < pages ? url(path, p) : null;
        return new Pager(page, pages, total, prev, next);
    }

    static String url(String path, Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach((k, v) -> {
            if (StringUtils.hasText(v)) {
                b.queryParam(k, v);
            }
        });
        return b.encode().build().toUriString();
    }
}
