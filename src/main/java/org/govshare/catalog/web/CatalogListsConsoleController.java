package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogLists;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The three lists in the console: responsibility, negative list, duty changes. */
@ConsolePage
@RequestMapping("/catalog/lists")
class CatalogListsConsoleController {

    private final CatalogLists lists;
    private final DirectoryManagement directory;
    private final ConsoleForms forms;

    CatalogListsConsoleController(CatalogLists lists, DirectoryManagement directory, ConsoleForms forms) {
        this.lists = lists;
        this.directory = directory;
        this.forms = forms;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "responsibility") String tab,
                @RequestParam(defaultValue = "false") boolean conflicts, Model model) {
        Map<UUID, String> names = new LinkedHashMap<>();
        directory.allOrganizations().forEach(o -> names.put(o.id(), o.shortName() != null ? o.shortName() : o.name()));
        model.addAttribute("tab", tab);
        model.addAttribute("conflicts", conflicts);
        model.addAttribute("orgNames", names);
        model.addAttribute("organizations", directory.allOrganizations().stream().map(OrganizationView::id).toList());
        model.addAttribute("responsibilities", lists.responsibilities(conflicts));
        model.addAttribute("negative", lists.negativeList());
        var actor = CurrentActor.require();
        boolean authority = actor.isPlatformAdmin();
        model.addAttribute("authority", authority);
        model.addAttribute("dutyChanges", lists.dutyChanges(authority ? null : actor.organizationId()));
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return "catalog/lists";
    }

    @PostMapping("/responsibilities")
    String settle(@RequestParam String standardName, @RequestParam UUID organizationId,
                  @RequestParam(required = false) String note, Model model, Locale locale, RedirectAttributes redirect) {
        return act("responsibility", model, locale, redirect, () -> lists.settle(standardName, organizationId, note));
    }

    @PostMapping("/challenges")
    String challenge(@RequestParam UUID resourceId, @RequestParam(required = false) String itemCode,
                     @RequestParam String reason, Model model, Locale locale, RedirectAttributes redirect) {
        return act("negative", model, locale, redirect, () -> lists.challenge(resourceId, itemCode, reason));
    }

    @PostMapping("/challenges/{id}/response")
    String respond(@PathVariable UUID id, @RequestParam String response, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act("negative", model, locale, redirect, () -> lists.respond(id, response));
    }

    @PostMapping("/challenges/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam boolean overturned, Model model, Locale locale,
                  RedirectAttributes redirect) {
        return act("negative", model, locale, redirect, () -> lists.decide(id, overturned));
    }

    @PostMapping("/duty-changes")
    String dutyChange(@RequestParam UUID organizationId, @RequestParam String description,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate changedOn,
                      Model model, Locale locale, RedirectAttributes redirect) {
        return act("duty", model, locale, redirect, () -> lists.recordDutyChange(organizationId, description, changedOn));
    }

    private String act(String tab, Model model, Locale locale, RedirectAttributes redirect,
                       java.util.function.Supplier<Object> action) {
        return forms.attempt(null, model, locale, action)
            .map(done -> {
                redirect.addFlashAttribute("saved", "");
                return "redirect:/catalog/lists?tab=" + tab;
            })
            .orElseGet(() -> page(tab, false, model));
    }
}
