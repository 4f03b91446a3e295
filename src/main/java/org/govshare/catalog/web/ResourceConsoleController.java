package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.CatalogWorkspace;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.catalog.VersionDiff;
import org.govshare.catalog.VersionView;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The department's catalog workspace (我的目录): its resources, the editor with the data items
 * table, a resource's page with the review workflow's buttons, and the version history with diffs.
 * Every decision about who may do what stays with the catalog; the buttons shown here are only
 * those that will work.
 */
@ConsolePage
@RequestMapping("/catalog/resources")
class ResourceConsoleController {

    private static final int PAGE_SIZE = 20;
    /** Fields of refusals that have no input of their own: only the list at the top shows them. */
    private static final java.util.Set<String> NOT_INPUTS = java.util.Set.of("status", "version");

    private final CatalogManagement catalog;
    private final CatalogWorkspace workspace;
    private final CatalogViews views;
    private final FieldMessages fieldMessages;
    private final ConsoleForms forms;

    ResourceConsoleController(CatalogManagement catalog, CatalogWorkspace workspace, CatalogViews views,
                              FieldMessages fieldMessages, ConsoleForms forms) {
        this.catalog = catalog;
        this.workspace = workspace;
        this.views = views;
        this.fieldMessages = fieldMessages;
        this.forms = forms;
    }

    @InitBinder("form")
    void rows(WebDataBinder binder) {
        // a resource has up to 500 data items (the catalog's rule); the default stops at 256 rows
        binder.setAutoGrowCollectionLimit(1000);
    }

    // ---- 我的目录

    @GetMapping
    String list(@RequestParam(required = false) String provider, @RequestParam(required = false) String status,
                @RequestParam(required = false) String classification, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        boolean authority = workspace.isAuthority();
        UUID providerId = authority ? uuidOrNull(provider) : actor.organizationId();
        ResourceStatus st = enumOrNull(ResourceStatus.class, status);
        var result = catalog.resources(new ResourceFilter(providerId, st, classification, q),
            PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("authority", authority);
        model.addAttribute("mayCreate", authority || (actor.organizationId() != null
            && workspace.mayCatalogue(actor.organizationId())));
        model.addAttribute("filters", Map.of("provider", providerId == null || !authority ? "" : providerId.toString(),
            "status", st == null ? "" : st.name(), "classification", StringUtils.hasText(classification) ? classification : "",
            "q", StringUtils.hasText(q) ? q : ""));
        model.addAttribute("statuses", ResourceStatus.values());
        model.addAttribute("groups", views.classificationGroups(locale));
        model.addAttribute("classificationNames", views.classificationNames(locale));
        model.addAttribute("organizationNames", views.organizationNames());
        if (authority) {
            model.addAttribute("providers", views.providers());
        }
        model.addAttribute("pagerBase", pagerBase(providerId, authority, st, classification, q));
        return "catalog/resources";
    }

    private static String pagerBase(UUID provider, boolean authority, ResourceStatus status, String classification,
                                    String q) {
        var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/catalog/resources");
        if (authority && provider != null) {
            b.queryParam("provider", provider);
        }
        if (status != null) {
            b.queryParam("status", status);
        }
        if (StringUtils.hasText(classification)) {
            b.queryParam("classification", classification);
        }
        if (StringUtils.hasText(q)) {
            b.queryParam("q", q);
        }
        return b.encode().build().toUriString();
    }

    // ---- editor

    @GetMapping("/new")
    String create(Model model, Locale locale) {
        Actor actor = CurrentActor.require();
        if (!workspace.isAuthority() && (actor.organizationId() == null || !workspace.mayCatalogue(actor.organizationId()))) {
            throw forbidden();
        }
        ResourceForm form = ResourceForm.blank();
        form.setProviderId(actor.organizationId() == null ? null : actor.organizationId().toString());
        return editor(form, null, model, locale);
    }

    @PostMapping
    String register(@ModelAttribute("form") ResourceForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        Optional<ResourceView> saved = save(form, model, locale, draft -> {
            List<Violation> unreadable = new ArrayList<>();
            UUID provider = form.provider(unreadable);
            ViolationsException.throwIfAny(unreadable);
            return provider == null ? catalog.register(draft) : catalog.register(provider, draft);
        });
        return saved.map(r -> {
            redirect.addFlashAttribute("notice", "catalog.notice.registered");
            redirect.addFlashAttribute("noticeArg", r.code());
            return "redirect:/catalog/resources/" + r.id();
        }).orElseGet(() -> editor(form, null, model, locale));
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model, Locale locale) {
        ResourceView r = visible(id);
        if (!workspace.mayCatalogue(r.providerId())) {
            throw forbidden();
        }
        if (!r.status().editable()) {
            // nothing to edit in review or once published: the resource page says what to do instead
            return "redirect:/catalog/resources/" + id;
        }
        return editor(ResourceForm.of(r), r, model, locale);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") ResourceForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        ResourceView current = visible(id);
        Optional<ResourceView> saved = save(form, model, locale, draft -> {
            if (form.getVersion() == null) {
                throw ProblemException.conflict("version", "stale-version");
            }
            return catalog.edit(id, form.getVersion(), draft);
        });
        return saved.map(r -> {
            redirect.addFlashAttribute("notice", "catalog.notice.saved");
            redirect.addFlashAttribute("noticeArg", r.code());
            return "redirect:/catalog/resources/" + r.id();
        }).orElseGet(() -> {
            if (model.getAttribute("stale") != null) {
                model.addAttribute("latest", current);
            }
            return editor(form, current, model, locale);
        });
    }

    /**
     * Saves through the catalog. A refusal keeps the user's input: every broken rule goes to the
     * list at the top (labelled by {@link FieldMessages}) and under its field; a stale version says
     * someone else saved first.
     */
    private Optional<ResourceView> save(ResourceForm form, Model model, Locale locale,
                                        java.util.function.Function<ResourceDraft, ResourceView> action) {
        form.dropBlankRows();
        List<Violation> violations = new ArrayList<>();
        Optional<ResourceView> result = forms.attempt(null, model, locale, () -> {
            List<Violation> unreadable = new ArrayList<>();
            ResourceDraft draft = form.toDraft(unreadable);
            try {
                ViolationsException.throwIfAny(unreadable);
                return action.apply(draft);
            } catch (ViolationsException e) {
                violations.addAll(e.violations());
                throw e;
            } catch (ProblemException e) {
                if ("stale-version".equals(e.code())) {
                    model.addAttribute("stale", true);
                } else if (e.field() != null && !NOT_INPUTS.contains(e.field())) {
                    if (e.status() != HttpStatus.FORBIDDEN && e.status() != HttpStatus.NOT_FOUND) {
                        violations.add(new Violation(e.field(), e.code(), List.of(e.args())));
                    }
                }
                throw e;
            }
        });
        if (!violations.isEmpty()) {
            model.addAttribute("errors", fieldMessages.list(violations, locale));
            model.addAttribute("fieldErrors", fieldMessages.byField(violations, locale));
        }
        return result;
    }

    private String editor(ResourceForm form, ResourceView resource, Model model, Locale locale) {
        if (form.getDataItems().isEmpty()) {
            form.getDataItems().add(new ResourceForm.ItemForm());
        }
        model.addAttribute("form", form);
        model.addAttribute("resource", resource);
        model.addAttribute("groups", views.classificationGroups(locale));
        model.addAttribute("organizations", views.providers());
        model.addAttribute("chooseProvider", resource == null && workspace.isAuthority());
        model.addAttribute("formats", ResourceFormat.values());
        model.addAttribute("shareTypes", ShareType.values());
        model.addAttribute("shareModes", ShareMode.values());
        model.addAttribute("openTypes", OpenType.values());
        model.addAttribute("cycles", UpdateCycle.values());
        model.addAttribute("dataTypes", DataType.values());
        model.addAttribute("sensitivities", Sensitivity.values());
        model.addAttribute("blankItem", new ResourceForm.ItemForm());
        if (model.getAttribute("fieldErrors") == null) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "catalog/resource-form";
    }

    // ---- resource page and the workflow

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        ResourceView r = visible(id);
        model.addAttribute("r", r);
        model.addAttribute("mayCatalogue", workspace.mayCatalogue(r.providerId()));
        model.addAttribute("mayReview", workspace.mayReview());
        model.addAttribute("workingCopy", workspace.isAuthority()
            || r.providerId().equals(CurrentActor.require().organizationId()));
        model.addAttribute("classificationNames", views.classificationNames(locale));
        model.addAttribute("organizationNames", views.organizationNames());
        return "catalog/resource";
    }

    @PostMapping("/{id}/submission")
    String submit(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, "catalog.notice.submitted", model, locale, redirect, () -> catalog.submit(id));
    }

    @PostMapping("/{id}/approval")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String comment, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, "catalog.notice.approved", model, locale, redirect,
            () -> catalog.approve(id, ResourceForm.text(comment)));
    }

    @PostMapping("/{id}/return")
    String returnForRevision(@PathVariable UUID id, @RequestParam(required = false) String comment, Model model,
                             Locale locale, RedirectAttributes redirect) {
        return act(id, "catalog.notice.returned", model, locale, redirect,
            () -> catalog.returnForRevision(id, ResourceForm.text(comment)));
    }

    @PostMapping("/{id}/change")
    String startChange(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
        Optional<ResourceView> started = forms.attempt(null, model, locale, () -> catalog.startChange(id));
        return started.map(r -> {
            redirect.addFlashAttribute("notice", "catalog.notice.change-started");
            redirect.addFlashAttribute("noticeArg", r.code());
            return "redirect:/catalog/resources/" + id + "/edit";
        }).orElseGet(() -> show(id, model, locale));
    }

    @PostMapping("/{id}/change/discard")
    String discardChange(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, "catalog.notice.change-discarded", model, locale, redirect, () -> catalog.discardChange(id));
    }

    @PostMapping("/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model, Locale locale,
                    RedirectAttributes redirect) {
        return act(id, "catalog.notice.withdrawn", model, locale, redirect,
            () -> catalog.withdraw(id, ResourceForm.text(reason)));
    }

    private String act(UUID id, String notice, Model model, Locale locale, RedirectAttributes redirect,
                       Supplier<ResourceView> action) {
        return forms.attempt(null, model, locale, action).map(r -> {
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArg", r.code());
            return "redirect:/catalog/resources/" + id;
        }).orElseGet(() -> show(id, model, locale));
    }

    // ---- versions

    @GetMapping("/{id}/versions")
    String versions(@PathVariable UUID id, @RequestParam(required = false) Integer from,
                    @RequestParam(required = false) Integer to, Model model, Locale locale) {
        ResourceView r = visible(id);
        List<VersionView> versions = catalog.versions(id);
        model.addAttribute("r", r);
        model.addAttribute("versions", versions);
        model.addAttribute("organizationNames", views.organizationNames());
        if (versions.size() >= 2) {
            int newest = versions.get(0).version();
            diff(id, from == null ? newest - 1 : from, to == null ? newest : to, versions, model, locale);
        }
        return "catalog/versions";
    }

    /** The diff alone, for htmx to swap in when the versions are picked again. */
    @GetMapping("/{id}/diff")
    String diffFragment(@PathVariable UUID id, @RequestParam int from, @RequestParam int to,
                        @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        if (htmx == null) {
            return "redirect:/catalog/resources/" + id + "/versions?from=" + from + "&to=" + to;
        }
        diff(id, from, to, catalog.versions(id), model, locale);
        model.addAttribute("r", visible(id));
        return "catalog/versions :: diff";
    }

    private void diff(UUID id, int from, int to, List<VersionView> versions, Model model, Locale locale) {
        VersionDiff diff = catalog.diff(id, from, to);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diff", VersionDiffView.of(diff, content(versions, from), content(versions, to),
            fieldMessages, views, locale));
    }

    private static ResourceView content(List<VersionView> versions, int version) {
        return versions.stream().filter(v -> v.version() == version).map(VersionView::content).findFirst()
            .orElseThrow(() -> ProblemException.notFound("version", version));
    }

    // ---- helpers

    private ResourceView visible(UUID id) {
        return catalog.find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
    }

    static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    static UUID uuidOrNull(String s) {
        try {
            return StringUtils.hasText(s) ? UUID.fromString(s.trim()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        try {
            return StringUtils.hasText(s) ? Enum.valueOf(type, s.trim()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** For the data items table of the resource page: the item's own share type or the resource's. */
    static ShareType effectiveShare(DataItemView item, ResourceView r) {
        return item.shareType() == null ? r.shareType() : item.shareType();
    }
}
