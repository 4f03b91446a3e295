package org.govshare.directory.web;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/directory/organizations")
class OrganizationConsoleController {

    private final DirectoryManagement directory;
    private final FormErrors errors;

    OrganizationConsoleController(DirectoryManagement directory, FormErrors errors) {
        this.directory = directory;
        this.errors = errors;
    }

    @ModelAttribute("types")
    OrganizationType[] types() {
        return OrganizationType.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", directory.organizations(q, PageRequest.of(Math.max(page, 0), 20, Sort.by("type", "name"))));
        model.addAttribute("all", directory.allOrganizations());
        return "directory/organizations";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("org", null);
        model.addAttribute("form", new OrganizationDetails("", "", OrganizationType.DEPARTMENT, null, "", "", "", ""));
        model.addAttribute("all", directory.allOrganizations());
        return "directory/organization-form";
    }

    @PostMapping("/new")
    String register(@Valid @ModelAttribute("form") OrganizationDetails form, BindingResult binding, Model model,
                    Locale locale, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                OrganizationView org = directory.registerOrganization(form);
                redirect.addFlashAttribute("saved", org.name());
                return "redirect:/directory/organizations/" + org.id();
            } catch (ProblemException e) {
                if (e.status().value() == 403) {
                    throw e;
                }
                model.addAttribute("errors", errors.of(e, locale));
            }
        } else {
            model.addAttribute("errors", errors.of(binding, locale));
        }
        model.addAttribute("org", null);
        model.addAttribute("all", directory.allOrganizations());
        return "directory/organization-form";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        OrganizationView org = directory.findOrganization(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        model.addAttribute("org", org);
        model.addAttribute("form", new OrganizationDetails(org.name(), org.shortName(), org.type(), org.parentId(),
            org.creditCode(), org.contactName(), org.contactPhone(), org.contactEmail()));
        model.addAttribute("all", directory.allOrganizations());
        model.addAttribute("editable", editable(org));
        return "directory/organization-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam long version, @Valid @ModelAttribute("form") OrganizationDetails form,
                  BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        OrganizationView org = directory.findOrganization(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        if (!binding.hasErrors()) {
            try {
                directory.updateOrganization(id, version, form);
                redirect.addFlashAttribute("saved", form.name());
                return "redirect:/directory/organizations/" + id;
            } catch (ProblemException e) {
                if (e.status().value() == 403) {
                    throw e;
                }
                model.addAttribute("errors", errors.of(e, locale));
            }
        } else {
            model.addAttribute("errors", errors.of(binding, locale));
        }
        model.addAttribute("org", org);
        model.addAttribute("all", directory.allOrganizations());
        model.addAttribute("editable", editable(org));
        return "directory/organization-form";
    }

    private static boolean editable(OrganizationView org) {
        Actor actor = CurrentActor.require();
        return actor.isPlatformAdmin() || (actor.hasRole("ORG_ADMIN") && actor.belongsTo(org.id()));
    }
}
