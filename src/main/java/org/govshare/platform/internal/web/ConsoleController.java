package org.govshare.platform.internal.web;

import org.govshare.platform.ConsolePage;

import java.util.List;
import java.util.Optional;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.govshare.platform.LoginHints;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and the home dashboard. */
@ConsolePage
class ConsoleController {

    private final ObjectProvider<LoginHints> hints;
    private final List<DashboardContributor> contributors;
    private final AccountNames names;

    ConsoleController(ObjectProvider<LoginHints> hints, List<DashboardContributor> contributors, AccountNames names) {
        this.hints = hints;
        this.contributors = contributors;
        this.names = names;
    }

    @GetMapping("/login")
    String login(Model model) {
        Optional.ofNullable(hints.getIfAvailable()).ifPresent(h -> {
            model.addAttribute("demoAccounts", h.accounts());
            model.addAttribute("demoPassword", h.password());
        });
        return "platform/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Object principal, Model model) {
        Actor actor = (Actor) model.getAttribute("actor");
        model.addAttribute("organizationName", names.organizationOf(principal));
        model.addAttribute("displayName", names.displayNameOf(principal));
        model.addAttribute("stats", contributors.stream().flatMap(c -> c.tilesFor(actor).stream()).toList());
        model.addAttribute("charts", contributors.stream().flatMap(c -> c.chartsFor(actor).stream()).toList());
        return "platform/home";
    }
}
