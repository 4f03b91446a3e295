package org.govshare.sharing.web;

import org.govshare.platform.ConsolePage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.PublishedResource;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareType;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.govshare.sharing.ApplicationDraft;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.ApplicationView;
import org.govshare.sharing.Approval;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.RowFilter;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.ApplicationFilter;
import org.govshare.sharing.SharingManagement.Side;
import org.govshare.sharing.SharingPath;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.govshare.sharing.web.SharingForms.*;

/**
 * The 共享申请与授权 console: applications (mine, my department's as provider, all and overdue for
 * the authority) with their running deadlines, the new-application form, an application's page with
 * its timeline and exactly the actions the viewer may take in its state, and grants with their exact
 * scope. Every rule stays with {@link SharingManagement}; this only chooses which forms to show.
 */
@ConsolePage
@RequestMapping("/sharing")
class SharingConsoleController {

    static final int PAGE_SIZE = 20;
    static final int PICKER_SIZE = 50;

    private final SharingManagement sharing;
    private final CatalogManagement catalog;
    private final SharingForms pages;
    private final MessageSource messages;

    SharingConsoleController(SharingManagement sharing, CatalogManagement catalog, SharingForms pages,
                             MessageSource messages) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.pages = pages;
        this.messages = messages;
    }

    // ---- applications list

    @GetMapping({"", "/"})
    String root() {
        return "redirect:/sharing/applications";
    }

    @GetMapping("/applications")
    String applications(@RequestParam(required = false) String tab, @RequestParam(required = false) String state,
                        @RequestParam(required = false) String path, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        SharingNames names = pages.names(null, locale);
        Tabs tabs = pages.tabs(actor, names);
        String t = tab(tab, tabs);
        ApplicationState st = enumOrNull(ApplicationState.class, state);
        SharingPath p = enumOrNull(SharingPath.class, path);
        String query = StringUtils.hasText(q) ? q.strip() : null;
        boolean overdue = t.equals("overdue");
        Side side = switch (t) {
            case "provider" -> Side.PROVIDER;
            case "all", "overdue" -> Side.ALL;
            default -> Side.CONSUMER;
        };
        PageView<ApplicationView> result = sharing.applications(
            new ApplicationFilter(side, st, p, null, overdue, overdue, query), Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("tab", t);
        model.addAttribute("tabs", tabs);
        model.addAttribute("states", ApplicationState.values());
        model.addAttribute("paths", SharingPath.values());
        model.addAttribute("filters", Map.of("state", st == null ? "" : st.name(), "path", p == null ? "" : p.name(),
            "q", query == null ? "" : query));
        model.addAttribute("names", names);
        model.addAttribute("pagerBase", base("/sharing/applications", Map.of("tab", t,
            "state", st == null ? "" : st.name(), "path", p == null ? "" : p.name(), "q", query == null ? "" : query)));
        if (tabs.authority() && t.equals("all")) {
            model.addAttribute("charts", List.of(new org.govshare.platform.DashboardContributor.Chart(
                "sharing.chart.states", "/sharing/stats/states")));
        }
        return "sharing/applications";
    }

    /** The authority's chart: all applications by state, as the dashboard's chart script draws it. */
    @GetMapping(value = "/stats/states", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> states(Locale locale) {
        List<String> categories = new ArrayList<>();
        List<Long> data = new ArrayList<>();
        sharing.countsByState(ApplicationFilter.of(Side.ALL)).forEach((s, n) -> {
            categories.add(messages.getMessage("sharing.state." + s, null, s.name(), locale));
            data.add(n);
        });
        return Map.of("categories", categories, "series",
            List.of(Map.of("name", messages.getMessage("sharing.chart.count", null, "count", locale), "data", data)));
    }

    // ---- new application

    @GetMapping("/applications/new")
    String newApplication(@RequestParam(required = false) UUID resourceId,
                          @RequestParam(defaultValue = "false") boolean coordination,
                          @RequestParam(required = false) String q, Model model, Locale locale) {
        ApplicationForm form = new ApplicationForm();
        form.resourceId = resourceId;
        form.coordination = coordination;
        form.validFrom = pages.today().toString();
        form.validUntil = pages.today().plusYears(1).minusDays(1).toString();
        form.expectedDailyCalls = "1000";
        return formPage(form, q, model, locale);
    }

    @PostMapping("/applications")
    String submit(@RequestParam(required = false) UUID resourceId,
                  @RequestParam(required = false) List<String> items,
                  @RequestParam(required = false) UUID clientApplicationId,
                  @RequestParam(required = false) String purpose, @RequestParam(required = false) String purposes,
                  @RequestParam(required = false) String basis,
                  @RequestParam(required = false) String scenario, @RequestParam(required = false) String validFrom,
                  @RequestParam(required = false) String validUntil,
                  @RequestParam(required = false) String expectedDailyCalls,
                  @RequestParam(defaultValue = "false") boolean coordination, Model model, Locale locale,
                  RedirectAttributes redirect) {
        ApplicationForm form = new ApplicationForm();
        form.resourceId = resourceId;
        form.items = items == null ? List.of() : items;
        form.clientApplicationId = clientApplicationId;
        form.purpose = purpose;
        form.purposes = purposes;
        form.basis = basis;
        form.scenario = scenario;
        form.validFrom = validFrom;
        form.validUntil = validUntil;
        form.expectedDailyCalls = expectedDailyCalls;
        form.coordination = coordination;
        Optional<ApplicationView> saved = pages.attempt(model, locale, () -> {
            List<Violation> unreadable = new ArrayList<>();
            ApplicationDraft draft = new ApplicationDraft(resourceId, form.items, clientApplicationId, purpose, basis,
                scenario, date("validFrom", validFrom, unreadable), date("validUntil", validUntil, unreadable),
                integer("expectedDailyCalls", expectedDailyCalls, unreadable), lines(purposes));
            ViolationsException.throwIfAny(unreadable);
            return coordination ? sharing.requestCoordination(draft) : sharing.apply(draft);
        });
        return saved.map(a -> {
            redirect.addFlashAttribute("notice", a.state() == ApplicationState.APPROVED
                ? "sharing.notice.granted" : "sharing.notice.submitted");
            redirect.addFlashAttribute("noticeArg", a.number());
            return "redirect:/sharing/applications/" + a.id();
        }).orElseGet(() -> formPage(form, null, model, locale));
    }

    private String formPage(ApplicationForm form, String q, Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        model.addAttribute("form", form);
        if (model.getAttribute("fieldErrors") == null) {
            model.addAttribute("fieldErrors", Map.of());
        }
        ResourceView resource = form.resourceId == null ? null : catalog.published(form.resourceId).orElse(null);
        model.addAttribute("resource", resource);
        if (resource == null) {
            String query = StringUtils.hasText(q) ? q.strip() : null;
            model.addAttribute("q", query == null ? "" : query);
            model.addAttribute("missing", form.resourceId != null);
            List<PublishedResource> found = catalog.publishedResources(null, query).stream()
                .filter(r -> !actor.belongsTo(r.providerId())).limit(PICKER_SIZE).toList();
            model.addAttribute("found", found);
            model.addAttribute("names", pages.names(null, locale));
            return "sharing/new";
        }
        SharingNames names = pages.names(resource.dataItems(), locale);
        model.addAttribute("names", names);
        model.addAttribute("own", actor.belongsTo(resource.providerId()));
        List<ItemRow> rows = resource.dataItems().stream().map(i -> ItemRow.of(i, resource)).toList();
        model.addAttribute("rows", rows);
        boolean anyNotShared = rows.stream().anyMatch(r -> r.share() == ShareType.NOT_SHARED);
        model.addAttribute("anyNotShared", anyNotShared);
        model.addAttribute("clients", sharing.clientsToApplyWith());
        return "sharing/new";
    }

    /** A data item as the form offers it: its effective share type, condition and legal basis. */
    record ItemRow(String code, String name, ShareType share, String condition, String basis, Sensitivity sensitivity) {
        static ItemRow of(DataItemView i, ResourceView r) {
            ShareType share = r.shareType() == ShareType.NOT_SHARED ? ShareType.NOT_SHARED
                : i.shareType() == null ? r.shareType() : i.shareType();
            String condition = i.shareCondition() != null ? i.shareCondition()
                : share == ShareType.CONDITIONAL ? r.shareCondition() : null;
            String basis = i.legalBasis() != null ? i.legalBasis() : share == ShareType.NOT_SHARED ? r.legalBasis() : null;
            return new ItemRow(i.codeName(), i.name(), share, condition, basis, i.sensitivity());
        }
    }

    /** One purpose per line; blank lines dropped. */
    private static List<String> lines(String text) {
        return text == null ? null : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** What the form keeps when it comes back with errors. */
    static final class ApplicationForm {
        UUID resourceId;
        List<String> items = List.of();
        UUID clientApplicationId;
        String purpose;
        /** The call purposes, one per line as typed. */
        String purposes;
        String basis;
        String scenario;
        String validFrom;
        String validUntil;
        String expectedDailyCalls;
        boolean coordination;

        public UUID getResourceId() {
            return resourceId;
        }

        public List<String> getItems() {
            return items;
        }

        public UUID getClientApplicationId() {
            return clientApplicationId;
        }

        public String getPurpose() {
            return purpose;
        }

        public String getPurposes() {
            return purposes;
        }

        public String getBasis() {
            return basis;
        }

        public String getScenario() {
            return scenario;
        }

        public String getValidFrom() {
            return validFrom;
        }

        public String getValidUntil() {
            return validUntil;
        }

        public String getExpectedDailyCalls() {
            return expectedDailyCalls;
        }

        public boolean isCoordination() {
            return coordination;
        }
    }

    // ---- one application and its actions

    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, Model model, Locale locale) {
        return applicationPage(sharing.application(id), model, locale);
    }

    /** The forms the viewer may use in the application's state (the service still decides). */
    record Actions(boolean withdraw, boolean supplement, boolean dispute, boolean precheck, boolean decideDispute,
                   boolean coordinate, boolean review) {
        public boolean any() {
            return withdraw || supplement || dispute || precheck || decideDispute || coordinate || review;
        }
    }

    /** One granted item in the reviewer's scope editor with the mask the service would default to. */
    record ScopeItem(String code, String name, MaskType mask, Integer n) {
    }

    private String applicationPage(ApplicationView a, Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        List<DataItemView> items = catalog.published(a.resourceId()).map(ResourceView::dataItems).orElse(List.of());
        SharingNames names = pages.names(items, locale);
        boolean consumer = actor.belongsTo(a.consumerId())
            && (actor.hasRole(Roles.ORG_ADMIN) || actor.hasRole(Roles.DATA_STEWARD));
        boolean authority = actor.isPlatformAdmin() || names.isAuthority(actor.organizationId())
            && (actor.hasRole(Roles.REVIEWER) || actor.hasRole(Roles.ORG_ADMIN));
        boolean reviewer = actor.belongsTo(a.providerId()) && actor.hasRole(Roles.REVIEWER);
        ApplicationState s = a.state();
        Actions actions = new Actions(consumer && s.withdrawable(), consumer && s == ApplicationState.SUPPLEMENT_REQUESTED,
            consumer && s == ApplicationState.REFUSED, authority && s == ApplicationState.PRECHECK,
            authority && s == ApplicationState.DISPUTED, authority && s == ApplicationState.COORDINATION,
            reviewer && s == ApplicationState.REVIEW);
        model.addAttribute("a", a);
        model.addAttribute("names", names);
        model.addAttribute("actions", actions);
        model.addAttribute("ops", FilterOp.values());
        model.addAttribute("maskTypes", MaskType.values());
        model.addAttribute("filterRows", java.util.stream.IntStream.range(0, FILTER_ROWS).boxed().toList());
        model.addAttribute("resourceItems", items);
        Map<String, DataItemView> byCode = new LinkedHashMap<>();
        items.forEach(i -> byCode.put(i.codeName(), i));
        model.addAttribute("scopeItems", a.items().stream().map(code -> {
            DataItemView i = byCode.get(code);
            Sensitivity sensitivity = i == null ? null : i.sensitivity();
            return sensitivity == Sensitivity.SENSITIVE ? new ScopeItem(code, names.itemName(code), MaskType.SHOW_LAST, 4)
                : sensitivity == Sensitivity.RESTRICTED ? new ScopeItem(code, names.itemName(code), MaskType.HASH, null)
                : new ScopeItem(code, names.itemName(code), MaskType.NONE, null);
        }).toList());
        return "sharing/application";
    }

    @PostMapping("/applications/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam Map<String, String> fields,
               @RequestParam(required = false) List<String> grantItems,
               @RequestParam(required = false) List<String> grantPurposes, Model model, Locale locale,
               RedirectAttributes redirect) {
        String text = fields.get("text");
        Supplier<List<String>> purposes = () -> chosenPurposes(fields, grantPurposes, sharing.application(id).purposes());
        Supplier<ApplicationView> call = switch (action) {
            case "withdraw" -> () -> sharing.withdraw(id, text);
            case "supplement" -> () -> sharing.supplement(id, text);
            case "dispute" -> () -> sharing.dispute(id, text);
            case "precheck" -> () -> sharing.precheck(id, "true".equals(fields.get("passed")), text);
            case "approve" -> () -> sharing.approve(id, approval(fields, grantItems == null ? List.of() : grantItems,
                purposes.get()));
            case "refuse" -> () -> sharing.refuse(id, text);
            case "supplement-request" -> () -> sharing.askSupplement(id, text);
            case "dispute-decision" -> () -> {
                boolean upheld = "true".equals(fields.get("upheld"));
                return sharing.decideDispute(id, upheld, upheld ? null : scope(fields, grantItems, purposes.get()), text);
            };
            case "coordination-outcome" -> () -> {
                boolean granted = "true".equals(fields.get("granted"));
                return sharing.concludeCoordination(id, granted, granted ? scope(fields, grantItems, purposes.get()) : null,
                    text);
            };
            default -> throw ProblemException.notFound("action", action);
        };
        return pages.attempt(model, locale, call).map(a -> {
            redirect.addFlashAttribute("notice", "sharing.notice.done");
            redirect.addFlashAttribute("noticeArg", messages.getMessage("sharing.state." + a.state(), null, locale));
            return "redirect:/sharing/applications/" + id;
        }).orElseGet(() -> {
            model.addAttribute("failedAction", action);
            return applicationPage(sharing.application(id), model, locale);
        });
    }

    /** The authority's grant when it overturns a refusal or concludes a coordination: the editor's scope, if sent. */
    private static Approval scope(Map<String, String> fields, List<String> grantItems, List<String> purposes) {
        return fields.containsKey("validUntil") ? approval(fields, grantItems == null ? List.of() : grantItems, purposes)
            : null;
    }

    /**
     * The purposes ticked in a form that offered them ({@code purposesOffered}), as the offered texts;
     * the boxes carry indexes, since a purpose's own text may hold commas. Null when the form offered none.
     */
    static List<String> chosenPurposes(Map<String, String> fields, List<String> ticked, List<String> offered) {
        if (!fields.containsKey("purposesOffered")) {
            return null;
        }
        List<String> chosen = new ArrayList<>();
        for (String index : ticked == null ? List.<String>of() : ticked) {
            try {
                int i = Integer.parseInt(index.strip());
                if (i >= 0 && i < offered.size() && !chosen.contains(offered.get(i))) {
                    chosen.add(offered.get(i));
                }
            } catch (NumberFormatException e) {
                // not a box the form offered: ignored, as an unticked one
            }
        }
        return chosen;
    }

    /**
     * The reviewer's scope editor: checked items, an earlier end, a lower quota, up to three row
     * filters ({@code filterItem-i}, {@code filterOp-i}, {@code filterValues-i} comma-separated) and a
     * mask per granted item ({@code mask-<code>}, {@code maskN-<code>}).
     */
    static Approval approval(Map<String, String> fields, List<String> grantItems, List<String> purposes) {
        List<Violation> unreadable = new ArrayList<>();
        LocalDate until = date("validUntil", fields.get("validUntil"), unreadable);
        Integer quota = integer("dailyQuota", fields.get("dailyQuota"), unreadable);
        List<RowFilter> scope = filters(fields, "rowScope", unreadable);
        Map<String, Mask> masks = new LinkedHashMap<>();
        for (String item : grantItems) {
            String type = fields.get("mask-" + item);
            if (!StringUtils.hasText(type)) {
                continue;
            }
            MaskType t = enumOrNull(MaskType.class, type);
            if (t == null) {
                unreadable.add(Violation.of("masks." + item, "mask-type-missing"));
                continue;
            }
            if (t == MaskType.NONE && !StringUtils.hasText(fields.get("maskDefault-" + item))
                || t == MaskType.NONE && "NONE".equals(fields.get("maskDefault-" + item))) {
                continue; // nothing to mask and nothing to exempt from a default
            }
            Integer n = t.takesLength() ? integer("masks." + item, fields.get("maskN-" + item), unreadable) : null;
            masks.put(item, new Mask(t, n));
        }
        ViolationsException.throwIfAny(unreadable);
        return new Approval(grantItems, until, scope, quota, masks, blankToNull(fields.get("text")), purposes);
    }
}
