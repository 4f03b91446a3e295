package org.govshare.sharing.web;

import org.govshare.platform.ConsolePage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.GrantChange;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.Mask;
import org.govshare.sharing.RowFilter;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.GrantFilter;
import org.govshare.sharing.SharingManagement.Side;
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
 * The grants pages of the 共享申请与授权 console: lists by side, and a grant's exact scope with its
 * history and, for the provider's reviewers and the authority, the narrow, renew, revoke and
 * confirm-review forms. The rules stay with {@link SharingManagement}.
 */
@ConsolePage
@RequestMapping("/sharing")
class GrantConsoleController {

    private final SharingManagement sharing;
    private final CatalogManagement catalog;
    private final SharingForms pages;

    GrantConsoleController(SharingManagement sharing, CatalogManagement catalog, SharingForms pages) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.pages = pages;
    }


    @GetMapping("/grants")
    String grants(@RequestParam(required = false) String tab, @RequestParam(required = false) String state,
                  @RequestParam(defaultValue = "false") boolean reviewNeeded, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        SharingNames names = pages.names(null, locale);
        Tabs tabs = pages.tabs(actor, names);
        String t = tab(tab, tabs);
        if (t.equals("overdue")) {
            t = "all";
        }
        GrantState st = enumOrNull(GrantState.class, state);
        String query = StringUtils.hasText(q) ? q.strip() : null;
        Side side = switch (t) {
            case "provider" -> Side.PROVIDER;
            case "all" -> Side.ALL;
            default -> Side.CONSUMER;
        };
        model.addAttribute("page", sharing.grants(new GrantFilter(side, st, null, reviewNeeded, query),
            Math.max(page, 0), SharingConsoleController.PAGE_SIZE));
        model.addAttribute("tab", t);
        model.addAttribute("tabs", tabs);
        model.addAttribute("states", GrantState.values());
        model.addAttribute("filters", Map.of("state", st == null ? "" : st.name(), "q", query == null ? "" : query,
            "reviewNeeded", reviewNeeded));
        model.addAttribute("names", names);
        model.addAttribute("pagerBase", base("/sharing/grants", Map.of("tab", t, "state", st == null ? "" : st.name(),
            "reviewNeeded", reviewNeeded ? "true" : "", "q", query == null ? "" : query)));
        return "sharing/grants";
    }

    @GetMapping("/grants/{id}")
    String grant(@PathVariable UUID id, Model model, Locale locale) {
        return grantPage(sharing.grant(id), model, locale);
    }

    private String grantPage(GrantView g, Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        List<DataItemView> items = catalog.published(g.resourceId()).map(ResourceView::dataItems).orElse(List.of());
        SharingNames names = pages.names(items, locale);
        boolean manage = actor.belongsTo(g.providerId()) && actor.hasRole(Roles.REVIEWER) || actor.isPlatformAdmin()
            || names.isAuthority(actor.organizationId()) && (actor.hasRole(Roles.REVIEWER) || actor.hasRole(Roles.ORG_ADMIN));
        model.addAttribute("g", g);
        model.addAttribute("names", names);
        model.addAttribute("manage", manage && g.state() != GrantState.REVOKED);
        model.addAttribute("history", sharing.grantHistory(g.id()));
        model.addAttribute("ops", FilterOp.values());
        model.addAttribute("maskTypes", MaskType.values());
        model.addAttribute("resourceItems", items);
        model.addAttribute("filterRows", List.of(0));
        return "sharing/grant";
    }

    @PostMapping("/grants/{id}/{action}")
    String grantAct(@PathVariable UUID id, @PathVariable String action, @RequestParam Map<String, String> fields,
                    @RequestParam(required = false) List<String> keepItems,
                    @RequestParam(required = false) List<String> keepPurposes, Model model, Locale locale,
                    RedirectAttributes redirect) {
        String text = fields.get("text");
        Supplier<GrantView> call = switch (action) {
            case "renew" -> () -> {
                List<Violation> unreadable = new ArrayList<>();
                LocalDate until = date("validUntil", fields.get("validUntil"), unreadable);
                if (until == null && unreadable.isEmpty()) {
                    unreadable.add(Violation.of("validUntil", "period-end-required"));
                }
                ViolationsException.throwIfAny(unreadable);
                return sharing.renew(id, until, blankToNull(text));
            };
            case "narrow" -> () -> {
                List<Violation> unreadable = new ArrayList<>();
                LocalDate until = date("validUntil", fields.get("validUntil"), unreadable);
                Integer quota = integer("dailyQuota", fields.get("dailyQuota"), unreadable);
                List<RowFilter> added = filters(fields, "addedRowFilters", unreadable);
                ViolationsException.throwIfAny(unreadable);
                GrantView before = sharing.grant(id);
                Map<String, Mask> masks = changedMasks(before, fields, unreadable);
                ViolationsException.throwIfAny(unreadable);
                List<String> purposes = SharingConsoleController.chosenPurposes(fields, keepPurposes, before.purposes());
                return sharing.narrow(id, new GrantChange(keepItems == null ? List.of() : keepItems,
                    added.isEmpty() ? null : added, quota, until, masks.isEmpty() ? null : masks, text,
                    purposes == null || purposes.equals(before.purposes()) ? null : purposes));
            };
            case "revoke" -> () -> sharing.revoke(id, text);
            case "review-confirmation" -> () -> sharing.confirmReview(id, blankToNull(text));
            default -> throw ProblemException.notFound("action", action);
        };
        return pages.attempt(model, locale, call).map(g -> {
            redirect.addFlashAttribute("notice", "sharing.notice.grant-done");
            redirect.addFlashAttribute("noticeArg", g.number());
            return "redirect:/sharing/grants/" + id;
        }).orElseGet(() -> {
            model.addAttribute("failedAction", action);
            return grantPage(sharing.grant(id), model, locale);
        });
    }

    /** The masks the form changed (the service refuses any that would show more than before). */
    static Map<String, Mask> changedMasks(GrantView g, Map<String, String> fields, List<Violation> unreadable) {
        Map<String, Mask> changed = new java.util.LinkedHashMap<>();
        for (String item : g.items()) {
            MaskType type = enumOrNull(MaskType.class, fields.get("mask-" + item));
            if (type == null) {
                continue;
            }
            Integer n = type.takesLength() ? integer("masks." + item, fields.get("maskN-" + item), unreadable) : null;
            Mask mask = new Mask(type, n);
            Mask before = g.masks().getOrDefault(item, Mask.of(MaskType.NONE));
            if (!mask.equals(before)) {
                changed.put(item, mask);
            }
        }
        return changed;
    }
}
