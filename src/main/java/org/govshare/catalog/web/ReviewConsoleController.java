package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import java.util.Locale;
import org.govshare.catalog.CatalogWorkspace;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 目录审核: the sharing authority's queue of submitted resources and changes, the longest waiting
 * first. Each opens the resource page, where the reviewer approves or returns it.
 */
@ConsolePage
class ReviewConsoleController {

    private static final int PAGE_SIZE = 50;
    /** Submissions waiting this many days or longer are highlighted. */
    static final int OVERDUE_DAYS = 5;

    private final CatalogWorkspace workspace;
    private final CatalogViews views;

    ReviewConsoleController(CatalogWorkspace workspace, CatalogViews views) {
        this.workspace = workspace;
        this.views = views;
    }

    @GetMapping("/catalog/review")
    String queue(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        model.addAttribute("page", workspace.reviewQueue(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("classificationNames", views.classificationNames(locale));
        model.addAttribute("organizationNames", views.organizationNames());
        model.addAttribute("overdueDays", OVERDUE_DAYS);
        return "catalog/review";
    }
}
