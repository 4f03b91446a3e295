package org.govshare.platform.internal.web;

import org.govshare.platform.ConsolePage;

import jakarta.servlet.http.HttpServletRequest;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: who is signed in and what they may see. */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModelAdvice {

    @ModelAttribute("actor")
    Actor actor() {
        return CurrentActor.find().orElse(null);
    }

    @ModelAttribute("can")
    Capabilities capabilities() {
        return CurrentActor.find().map(Capabilities::of).orElse(Capabilities.NONE);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** Flags the navigation and the dashboard use to show only what the user may do. */
    record Capabilities(boolean platformAdmin, boolean orgAdmin, boolean steward, boolean reviewer, boolean auditor) {

        static final Capabilities NONE = new Capabilities(false, false, false, false, false);

        static Capabilities of(Actor a) {
            return new Capabilities(a.hasRole(Roles.PLATFORM_ADMIN), a.hasRole(Roles.ORG_ADMIN),
                a.hasRole(Roles.DATA_STEWARD), a.hasRole(Roles.REVIEWER), a.hasRole(Roles.AUDITOR));
        }

        public boolean manageDirectory() {
            return platformAdmin || orgAdmin;
        }

        public boolean readAudit() {
            return platformAdmin || orgAdmin || auditor;
        }
    }
}
