package org.govshare.directory.web;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.directory.ClientApplicationView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.IssuedApiKey;
import org.govshare.directory.NewClientApplication;
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
@RequestMapping("/directory/clients")
class ClientConsoleController {

    private final DirectoryManagement directory;
    private final FormErrors errors;

    ClientConsoleController(DirectoryManagement directory, FormErrors errors) {
        this.directory = directory;
        this.errors = errors;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID org, @RequestParam(defaultValue = "0") int page, Model model) {
        UUID organization = org != null ? org : CurrentActor.require().organizationId();
        model.addAttribute("org", organization);
        model.addAttribute("page", directory.clientApplications(organization, PageRequest.of(Math.max(page, 0), 20, Sort.by("name"))));
        model.addAttribute("all", directory.allOrganizations());
        model.addAttribute("form", new NewClientApplication(organization, "", ""));
        return "directory/clients";
    }

    @PostMapping
    String register(@Valid @ModelAttribute("form") NewClientApplication form, BindingResult binding, Model model,
                    Locale locale, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                ClientApplicationView app = directory.registerClientApplication(form);
                redirect.addFlashAttribute("saved", app.name());
                return "redirect:/directory/clients/" + app.id();
            } catch (ProblemException e) {
                if (e.status().value() == 403) {
                    throw e;
                }
                model.addAttribute("errors", errors.of(e, locale));
            }
        } else {
            model.addAttribute("errors", errors.of(binding, locale));
        }
        UUID organization = form.organizationId() != null ? form.organizationId() : CurrentActor.require().organizationId();
        model.addAttribute("org", organization);
        model.addAttribute("page", directory.clientApplications(organization, PageRequest.of(0, 20, Sort.by("name"))));
        model.addAttribute("all", directory.allOrganizations());
        return "directory/clients";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ClientApplicationView app = directory.clientApplication(id);
        model.addAttribute("app", app);
        model.addAttribute("organization", directory.findOrganization(app.organizationId()).orElseThrow());
        return "directory/client";
    }

    @PostMapping("/{id}/keys")
    String issue(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
        return keyAction(id, model, locale, redirect, () -> directory.issueApiKey(id));
    }

    @PostMapping("/{id}/keys/rotation")
    String rotate(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
        return keyAction(id, model, locale, redirect, () -> directory.rotateApiKey(id));
    }

    @PostMapping("/{id}/keys/{prefix}/revocation")
    String revoke(@PathVariable UUID id, @PathVariable String prefix, Model model, Locale locale,
                  RedirectAttributes redirect) {
        return keyAction(id, model, locale, redirect, () -> {
            directory.revokeApiKey(id, prefix);
            return null;
        });
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable UUID id, @RequestParam boolean value) {
        directory.setClientApplicationActive(id, value);
        return "redirect:/directory/clients/" + id;
    }

    private String keyAction(UUID id, Model model, Locale locale, RedirectAttributes redirect, Supplier<IssuedApiKey> action) {
        try {
            IssuedApiKey issued = action.get();
            if (issued != null) {
                // shown once on the next page, never stored in clear
                redirect.addFlashAttribute("issued", issued);
            }
            return "redirect:/directory/clients/" + id;
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            model.addAttribute("errors", errors.of(e, locale));
            return detail(id, model);
        }
    }
}
