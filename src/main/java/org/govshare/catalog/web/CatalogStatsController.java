package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogWorkspace;
import org.govshare.catalog.CatalogWorkspace.ProviderShares;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard chart's data: published resources of the 15 largest providers, stacked by share type. */
@ConsolePage
class CatalogStatsController {

    private static final int TOP = 15;

    private final CatalogWorkspace workspace;
    private final CatalogViews views;
    private final MessageSource messages;

    CatalogStatsController(CatalogWorkspace workspace, CatalogViews views, MessageSource messages) {
        this.workspace = workspace;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping(path = "/catalog/stats/providers", produces = "application/json")
    @ResponseBody
    Map<String, Object> providers(Locale locale) {
        List<ProviderShares> rows = workspace.publishedByProvider(TOP);
        Map<UUID, String> names = views.organizationNames();
        return Map.of(
            "categories", rows.stream().map(r -> names.getOrDefault(r.providerId(), "?")).toList(),
            "series", List.of(
                // in this order the dashboard's palette draws them green, red, orange: open to closed by colour
                series("UNCONDITIONAL", rows.stream().map(ProviderShares::unconditional).toList(), locale),
                series("NOT_SHARED", rows.stream().map(ProviderShares::notShared).toList(), locale),
                series("CONDITIONAL", rows.stream().map(ProviderShares::conditional).toList(), locale)));
    }

    private Map<String, Object> series(String shareType, List<Long> data, Locale locale) {
        return Map.of("name", messages.getMessage("catalog.shareType." + shareType, null, locale), "data", data);
    }
}
