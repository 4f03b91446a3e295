package org.govshare.directory.web;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.NewUser;
import org.govshare.directory.PasswordReset;
import org.govshare.directory.Role;
import org.govshare.directory.UserChanges;
import org.govshare.directory.UserView;

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
@RequestMapping("/directory/users")
class UserConsoleController {

    private final DirectoryManagement directory;
    private final FormErrors errors;

    UserConsoleController(DirectoryManagement directory, FormErrors errors) {
        this.directory = directory;
        this.errors = errors;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID org, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        UUID organization = org != null ? org : CurrentActor.require().organizationId();
        model.addAttribute("org", organization);
        model.addAttribute("q", q);
        model.addAttribute("page", directory.users(organization, q, PageRequest.of(Math.max(page, 0), 20, Sort.by("username"))));
        model.addAttribute("all", directory.allOrganizations());
        model.addAttribute("form", new NewUser("", "", organization, "", Set.of(Role.DATA_STEWARD), "", ""));
        return "directory/users";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewUser form, BindingResult binding, Model model, Locale locale,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                UserView user = directory.createUser(form);
                redirect.addFlashAttribute("saved", user.username());
                return "redirect:/directory/users?org=" + user.organizationId();
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
        model.addAttribute("page", directory.users(organization, null, PageRequest.of(0, 20, Sort.by("username"))));
        model.addAttribute("all", directory.allOrganizations());
        model.addAttribute("showForm", true);
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
        return act(id, model, locale, redirect, binding, () -> directory.changeUser(id, version, form));
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable UUID id, @Valid @ModelAttribute("reset") PasswordReset reset, BindingResult binding,
                    Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, model, locale, redirect, binding, () -> directory.resetPassword(id, reset));
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable UUID id, @RequestParam boolean value, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, model, locale, redirect, null, () -> directory.setUserEnabled(id, value));
    }

    private String act(UUID id, Model model, Locale locale, RedirectAttributes redirect, BindingResult binding,
                       java.util.function.Supplier<UserView> action) {
        if (binding != null && binding.hasErrors()) {
            model.addAttribute("errors", errors.of(binding, locale));
        } else {
            try {
                UserView user = action.get();
                redirect.addFlashAttribute("saved", user.username());
                return "redirect:/directory/users/" + id;
            } catch (ProblemException e) {
                if (e.status().value() == 403) {
                    throw e;
                }
                model.addAttribute("errors", errors.of(e, locale));
            }
        }
        return edit(id, model);
    }

}
