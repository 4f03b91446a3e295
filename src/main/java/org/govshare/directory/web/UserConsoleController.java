package org.govshare.directory.web;

import org.govshare.platform.ConsolePage;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.NewUser;
import org.govshare.directory.PasswordReset;
import org.govshare.directory.Role;
import org.govshare.directory.UserChanges;
import org.govshare.directory.UserView;
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
@RequestMapping("/directory/users")
class UserConsoleController {

    private final DirectoryManagement directory;
    private final ConsoleForms forms;

    UserConsoleController(DirectoryManagement directory, ConsoleForms forms) {
        this.directory = directory;
        this.forms = forms;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID org, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        UUID organization = org != null ? org : CurrentActor.require().organizationId();
        model.addAttribute("q", q);
        model.addAttribute("form", new NewUser("", "", organization, "", Set.of(Role.DATA_STEWARD), "", ""));
        return listPage(organization, q, page, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewUser form, BindingResult binding, Model model, Locale locale,
                  RedirectAttributes redirect) {
        return forms.attempt(binding, model, locale, () -> directory.createUser(form))
            .map(user -> {
                redirect.addFlashAttribute("saved", user.username());
                return "redirect:/directory/users?org=" + user.organizationId();
            })
            .orElseGet(() -> listPage(form.organizationId() != null ? form.organizationId()
                : CurrentActor.require().organizationId(), null, 0, model));
    }

    private String listPage(UUID organization, String q, int page, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("page", directory.users(organization, q, PageRequest.of(Math.max(page, 0), 20, Sort.by("username"))));
        var all = directory.allOrganizations();
        model.addAttribute("all", all);
        model.addAttribute("orgName", all.stream().filter(o -> o.id().equals(organization)).map(o -> o.name())
            .findFirst().orElse(""));
        return "directory/users";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserView user = directory.user(id);
        model.addAttribute("user", user);
        model.addAttribute("organization", directory.findOrganization(user.organizationId()).orElseThrow());
        return "directory/user-form";
    }

    @PostMapping("/{id}")
    String change(@PathVariable UUID id, @RequestParam long version, @Valid @ModelAttribute("form") UserChanges form,
                  BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, binding, model, locale, redirect, () -> directory.changeUser(id, version, form));
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable UUID id, @Valid @ModelAttribute("reset") PasswordReset reset, BindingResult binding,
                    Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, binding, model, locale, redirect, () -> directory.resetPassword(id, reset));
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable UUID id, @RequestParam boolean value, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, null, model, locale, redirect, () -> directory.setUserEnabled(id, value));
    }

    private String act(UUID id, BindingResult binding, Model model, Locale locale, RedirectAttributes redirect,
                       Supplier<UserView> action) {
        return forms.attempt(binding, model, locale, action)
            .map(user -> {
                redirect.addFlashAttribute("saved", user.username());
                return "redirect:/directory/users/" + id;
            })
            .orElseGet(() -> edit(id, model));
    }
}
