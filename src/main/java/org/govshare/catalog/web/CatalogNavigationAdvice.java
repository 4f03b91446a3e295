package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import org.govshare.catalog.CatalogWorkspace;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The 资源目录 section of every console page's navigation. Roles decide most of it; only a
 * reviewer's organization is looked up (is it the authority?), so other people's pages cost nothing.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class CatalogNavigationAdvice {

    private final CatalogWorkspace workspace;

    CatalogNavigationAdvice(CatalogWorkspace workspace) {
        this.workspace = workspace;
    }

    /** catalogue: may register resources (and import them); review: sees the review queue. */
    record CatalogNavigation(boolean catalogue, boolean review) {
    }

    @ModelAttribute("catalogNav")
    CatalogNavigation navigation() {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || actor.isClient()) {
            return new CatalogNavigation(false, false);
        }
        boolean catalogue = actor.isPlatformAdmin() || actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN);
        return new CatalogNavigation(catalogue, workspace.mayReview());
    }
}
