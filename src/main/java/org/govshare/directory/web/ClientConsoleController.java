package org.govshare.directory.web;

import org.govshare.platform.ConsolePage;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.directory.ClientApplicationView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.IssuedApiKey;
import org.govshare.directory.NewClientApplication;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
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
@RequestMapping("/directory/clients")
class ClientConsoleController {

    private final DirectoryManagement directory;
    private final ConsoleForms forms;

    ClientConsoleController(DirectoryManagement directory, ConsoleForms forms) {
        this.directory = directory;
        this.forms = forms;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID org, @RequestParam(defaultValue = "0") int page, Model model) {
        UUID organization = org != null ? org : CurrentActor.require().organizationId();
        model.addAttribute("form", new NewClientApplication(organization, "", ""));
        return listPage(organization, page, model);
    }

    @PostMapping
    String register(@Valid @ModelAttribute("form") NewClientApplication form, BindingResult binding, Model model,
                    Locale locale, RedirectAttributes redirect) {
        return forms.attempt(binding, model, locale, () -> directory.registerClientApplication(form))
            .map(app -> {
                redirect.addFlashAttribute("saved", app.name());
                return "redirect:/directory/clients/" + app.id();
            })
            .orElseGet(() -> listPage(form.organizationId() != null ? form.organizationId()
                : CurrentActor.require().organizationId(), 0, model));
    }

    private String listPage(UUID organization, int page, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("page", directory.clientApplications(organization, PageRequest.of(Math.max(page, 0), 20, Sort.by("name"))));
        var all = directory.allOrganizations();
        model.addAttribute("all", all);
        model.addAttribute("orgName", all.stream().filter(o -> o.id().equals(organization)).map(o -> o.name())
            .findFirst().orElse(""));
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
    String revoke(@PathVariable UUID id, @PathVariable String prefix) {
        directory.revokeApiKey(id, prefix);
        return "redirect:/directory/clients/" + id;
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable UUID id, @RequestParam boolean value) {
        directory.setClientApplicationActive(id, value);
        return "redirect:/directory/clients/" + id;
    }

    private String keyAction(UUID id, Model model, Locale locale, RedirectAttributes redirect, Supplier<IssuedApiKey> action) {
        return forms.attempt(null, model, locale, action)
            .map(issued -> {
                // shown once on the next page, never stored in clear
                redirect.addFlashAttribute("issued", issued);
                return "redirect:/directory/clients/" + id;
            })
            .orElseGet(() -> detail(id, model));
    }
}
