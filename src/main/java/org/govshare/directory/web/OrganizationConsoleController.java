package org.govshare.directory.web;

import org.govshare.platform.ConsolePage;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@ConsolePage
@RequestMapping("/directory/organizations")
class OrganizationConsoleController {

    private final DirectoryManagement directory;
    private final ConsoleForms forms;

    OrganizationConsoleController(DirectoryManagement directory, ConsoleForms forms) {
        this.directory = directory;
        this.forms = forms;
    }

    @ModelAttribute("types")
    OrganizationType[] types() {
        return OrganizationType.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", directory.organizations(q, PageRequest.of(Math.max(page, 0), 20, Sort.by("type", "name"))));
        return "directory/organizations";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("form", new OrganizationDetails("", "", OrganizationType.DEPARTMENT, null, "", "", "", ""));
        return formPage(null, model);
    }

    @PostMapping("/new")
    String register(@Valid @ModelAttribute("form") OrganizationDetails form, BindingResult binding, Model model,
                    Locale locale, RedirectAttributes redirect) {
        return forms.attempt(binding, model, locale, () -> directory.registerOrganization(form))
            .map(org -> saved(org, redirect))
            .orElseGet(() -> formPage(null, model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        OrganizationView org = organization(id);
        model.addAttribute("form", new OrganizationDetails(org.name(), org.shortName(), org.type(), org.parentId(),
            org.creditCode(), org.contactName(), org.contactPhone(), org.contactEmail()));
        return formPage(org, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam long version, @Valid @ModelAttribute("form") OrganizationDetails form,
                  BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        OrganizationView org = organization(id);
        return forms.attempt(binding, model, locale, () -> directory.updateOrganization(id, version, form))
            .map(updated -> saved(updated, redirect))
            .orElseGet(() -> formPage(org, model));
    }

    private OrganizationView organization(UUID id) {
        return directory.findOrganization(id).orElseThrow(() -> ProblemException.notFound("organization", id));
    }

    private static String saved(OrganizationView org, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", org.name());
        return "redirect:/directory/organizations/" + org.id();
    }

    private String formPage(OrganizationView org, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("org", org);
        model.addAttribute("all", directory.allOrganizations());
        model.addAttribute("editable", org == null ? actor.isPlatformAdmin()
            : actor.isPlatformAdmin() || (actor.hasRole(Roles.ORG_ADMIN) && actor.belongsTo(org.id())));
        return "directory/organization-form";
    }
}
