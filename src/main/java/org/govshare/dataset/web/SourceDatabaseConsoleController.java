package org.govshare.dataset.web;

import org.govshare.platform.ConsolePage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceSummary;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.ConnectionCheck;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.PullDefinitionDraft;
import org.govshare.dataset.PullDefinitionView;
import org.govshare.dataset.SourceDatabaseDraft;
import org.govshare.dataset.SourceDatabaseKind;
import org.govshare.dataset.SourceDatabaseView;
import org.govshare.dataset.SourceDatabases;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages for a department's staging databases (前置库) and the pull definition of each
 * resource: register and edit databases (the password field is write-only), test a connection in
 * place (htmx), define the pull, pull now.
 */
@ConsolePage
@RequestMapping("/dataset")
class SourceDatabaseConsoleController {

    private final SourceDatabases sources;
    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final ConsoleForms forms;
    private final MessageSource messages;

    SourceDatabaseConsoleController(SourceDatabases sources, CatalogManagement catalog, DirectoryManagement directory,
                                    ConsoleForms forms, MessageSource messages) {
        this.sources = sources;
        this.catalog = catalog;
        this.directory = directory;
        this.forms = forms;
        this.messages = messages;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("zone")
    java.time.ZoneId zone(@org.springframework.beans.factory.annotation.Value("${govshare.display-zone:Asia/Shanghai}")
                          String zone) {
        return java.time.ZoneId.of(zone);
    }

    /** The form of a staging database as posted; the password only travels inward. */
    record SourceForm(String name, SourceDatabaseKind kind, String jdbcUrl, String username, String password) {
        SourceDatabaseDraft draft() {
            return new SourceDatabaseDraft(name, kind, jdbcUrl, username, password);
        }

        @Override
        public String toString() {
            return draft().toString();
        }
    }

    @GetMapping("/sources")
    String sources(@RequestParam(required = false) UUID organizationId, Model model) {
        Actor actor = CurrentActor.require();
        UUID org = organizationId != null ? organizationId : actor.organizationId();
        model.addAttribute("organizationId", org);
        model.addAttribute("kinds", SourceDatabaseKind.values());
        if (actor.isPlatformAdmin()) {
            Map<UUID, String> orgs = new LinkedHashMap<>();
            directory.allOrganizations().forEach(o -> orgs.put(o.id(), o.shortName() != null ? o.shortName() : o.name()));
            model.addAttribute("organizations", orgs);
        }
        if (org == null) {
            model.addAttribute("sources", List.of());
            model.addAttribute("pulls", List.of());
            model.addAttribute("resources", List.of());
            model.addAttribute("resourceNames", Map.of());
            return "dataset/sources";
        }
        model.addAttribute("sources", sources.sources(org));
        List<PullDefinitionView> pulls = sources.pullDefinitions(org);
        model.addAttribute("pulls", pulls);
        List<ResourceSummary> published = catalog.resources(new ResourceFilter(org, ResourceStatus.PUBLISHED, null, null),
            PageRequest.of(0, 200)).getContent();
        model.addAttribute("resources", published);
        Map<UUID, String> names = new LinkedHashMap<>();
        published.forEach(r -> names.put(r.id(), r.name()));
        pulls.forEach(p -> names.computeIfAbsent(p.resourceId(),
            id -> catalog.published(id).map(ResourceView::name).orElse(id.toString())));
        model.addAttribute("resourceNames", names);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SourceForm("", SourceDatabaseKind.POSTGRESQL, "jdbc:postgresql://", "", ""));
        }
        return "dataset/sources";
    }

    @PostMapping("/sources")
    String create(@RequestParam(required = false) UUID organizationId, SourceForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Optional<SourceDatabaseView> created = forms.attempt(null, model, locale,
            () -> sources.create(organizationId, form.draft()));
        if (created.isPresent()) {
            redirect.addFlashAttribute("saved", created.get().name());
            return "redirect:/dataset/sources" + (organizationId == null ? "" : "?organizationId=" + organizationId);
        }
        model.addAttribute("form", new SourceForm(form.name(), form.kind(), form.jdbcUrl(), form.username(), ""));
        return sources(organizationId, model);
    }

    @GetMapping("/sources/{id}")
    String source(@PathVariable UUID id, Model model) {
        SourceDatabaseView source = sources.source(id);
        model.addAttribute("source", source);
        model.addAttribute("kinds", SourceDatabaseKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SourceForm(source.name(), source.kind(), source.jdbcUrl(), source.username(), ""));
        }
        return "dataset/source";
    }

    @PostMapping("/sources/{id}")
    String change(@PathVariable UUID id, @RequestParam long version, SourceForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Optional<SourceDatabaseView> changed = forms.attempt(null, model, locale,
            () -> sources.change(id, version, form.draft()));
        if (changed.isPresent()) {
            redirect.addFlashAttribute("saved", changed.get().name());
            return "redirect:/dataset/sources?organizationId=" + changed.get().organizationId();
        }
        model.addAttribute("form", new SourceForm(form.name(), form.kind(), form.jdbcUrl(), form.username(), ""));
        return source(id, model);
    }

    @PostMapping("/sources/{id}/delete")
    String delete(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
        SourceDatabaseView source = sources.source(id);
        UUID org = source.organizationId();
        Optional<Boolean> done = forms.attempt(null, model, locale, () -> {
            sources.delete(id);
            return true;
        });
        if (done.isPresent()) {
            redirect.addFlashAttribute("saved", messages.getMessage("dataset.sources.deleted", null, locale) + " "
                + source.name());
            return "redirect:/dataset/sources?organizationId=" + org;
        }
        return sources(org, model);
    }

    /** htmx: the outcome of a connection test, swapped in next to the database. */
    @PostMapping("/sources/{id}/test")
    String test(@PathVariable UUID id, Locale locale, Model model) {
        ConnectionCheck check = sources.test(id, locale);
        model.addAttribute("check", check);
        return "dataset/sources :: check";
    }

    @GetMapping("/pulls")
    String openPull(@RequestParam UUID resourceId) {
        return "redirect:/dataset/pulls/" + resourceId;
    }

    @GetMapping("/pulls/{resourceId}")
    String pull(@PathVariable UUID resourceId, Model model) {
        ResourceView resource = catalog.published(resourceId)
            .orElseThrow(() -> ProblemException.notFound("resource", resourceId));
        Optional<PullDefinitionView> definition = sources.pullDefinition(resourceId);
        model.addAttribute("resource", resource);
        model.addAttribute("definition", definition.orElse(null));
        model.addAttribute("sources", sources.sources(resource.providerId()));
        model.addAttribute("modes", LoadMode.values());
        model.addAttribute("policies", LoadPolicy.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", definition.map(PullForm::of).orElseGet(() -> new PullForm(null, "", "", "",
                null, LoadPolicy.ALL_OR_NOTHING, "", "", "", true)));
        }
        return "dataset/pull";
    }

    /** The pull form; the mapping is one "column=item" per line. */
    record PullForm(UUID sourceId, String table, String query, String watermarkColumn, LoadMode mode, LoadPolicy policy,
                    String mapping, String deleteColumn, String cron, Boolean enabled) {

        static PullForm of(PullDefinitionView d) {
            StringBuilder m = new StringBuilder();
            d.mapping().items().forEach((k, v) -> m.append(k).append('=').append(v).append('\n'));
            return new PullForm(d.sourceId(), d.table(), d.query(), d.watermarkColumn(), d.mode(), d.policy(),
                m.toString(), d.mapping().deleteColumn(), d.cronDerived() ? "" : d.cron(), d.enabled());
        }

        PullDefinitionDraft draft() {
            Map<String, String> items = new LinkedHashMap<>();
            if (mapping != null) {
                for (String line : mapping.split("\\R")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        items.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                    }
                }
            }
            return new PullDefinitionDraft(sourceId, table, query, watermarkColumn, mode, policy,
                new ColumnMapping(items, deleteColumn == null || deleteColumn.isBlank() ? null : deleteColumn.strip()),
                cron, Boolean.TRUE.equals(enabled));
        }
    }

    @PostMapping("/pulls/{resourceId}")
    String define(@PathVariable UUID resourceId, PullForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Optional<PullDefinitionView> saved = forms.attempt(null, model, locale,
            () -> sources.definePull(resourceId, form.draft()));
        if (saved.isPresent()) {
            redirect.addFlashAttribute("saved", saved.get().sourceName());
            return "redirect:/dataset/pulls/" + resourceId;
        }
        model.addAttribute("form", form);
        return pull(resourceId, model);
    }

    @PostMapping("/pulls/{resourceId}/delete")
    String remove(@PathVariable UUID resourceId, RedirectAttributes redirect, Locale locale) {
        sources.removePull(resourceId);
        redirect.addFlashAttribute("saved", messages.getMessage("dataset.sources.deleted", null, locale));
        return "redirect:/dataset/pulls/" + resourceId;
    }

    @PostMapping("/pulls/{resourceId}/run")
    String run(@PathVariable UUID resourceId, Model model, Locale locale, RedirectAttributes redirect) {
        Optional<Optional<LoadView>> load = forms.attempt(null, model, locale,
            () -> Optional.ofNullable(sources.pullNow(resourceId)));
        if (load.isEmpty()) {
            return pull(resourceId, model);
        }
        LoadView l = load.get().orElse(null);
        redirect.addFlashAttribute("pulled", l == null ? messages.getMessage("dataset.pull.nothing-new", null, locale)
            : messages.getMessage("dataset.pull.started",
                new Object[] {l.state() + (l.errorCode() == null ? "" : " · " + l.errorMessage())}, locale));
        return "redirect:/dataset/pulls/" + resourceId;
    }
}
