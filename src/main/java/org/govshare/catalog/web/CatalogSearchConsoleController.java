package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govshare.catalog.CatalogSearch;
import org.govshare.catalog.SearchQuery;
import org.govshare.catalog.SearchResult;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's catalog search page: a keyword box, facet links with counts (each link is the
 * current search with one value toggled, so the page works without scripts), highlighted results
 * and a pager. Bad parameters show as a message on the page rather than an error page.
 */
@ConsolePage
class CatalogSearchConsoleController {

    private static final List<String> FACETS = List.of("provider", "classification", "shareType", "openType",
        "updateCycle", "format");

    private final CatalogSearch search;

    CatalogSearchConsoleController(CatalogSearch search) {
        this.search = search;
    }

    @GetMapping("/catalog/search")
    String page(@RequestParam(required = false) String q,
                @RequestParam(required = false) List<String> provider,
                @RequestParam(required = false) List<String> classification,
                @RequestParam(required = false) List<String> shareType,
                @RequestParam(required = false) List<String> openType,
                @RequestParam(required = false) List<String> updateCycle,
                @RequestParam(required = false) List<String> format,
                @RequestParam(required = false) String sort,
                @RequestParam(required = false) String mode,
                @RequestParam(required = false) Integer page,
                Model model) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", q == null ? null : List.of(q));
        put(params, "provider", provider);
        put(params, "classification", classification);
        put(params, "shareType", shareType);
        put(params, "openType", openType);
        put(params, "updateCycle", updateCycle);
        put(params, "format", format);
        put(params, "sort", sort == null ? null : List.of(sort));
        put(params, "mode", mode == null ? null : List.of(mode));
        Links links = new Links(params);
        model.addAttribute("links", links);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hidden", links.hiddenFacets());
        model.addAttribute("sorts", SearchQuery.Sort.values());
        try {
            SearchQuery query = new SearchParams(q, provider, classification, shareType, openType, updateCycle, format,
                sort, mode, page, SearchParams.DEFAULT_SIZE).toQuery();
            model.addAttribute("query", query);
            model.addAttribute("itemsMode", query.mode() == SearchQuery.Mode.DATA_ITEMS);
            model.addAttribute("result", search.search(query));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("itemsMode", "DATA_ITEMS".equalsIgnoreCase(mode) || "items".equalsIgnoreCase(mode));
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("indexing", e.status() == HttpStatus.SERVICE_UNAVAILABLE);
        }
        model.addAttribute("facetNames", FACETS);
        return "catalog/search";
    }

    private static void put(Map<String, List<String>> m, String key, List<String> values) {
        if (values == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (String part : key.equals("q") ? new String[] {v} : v.split(",")) {
                if (!part.isBlank()) {
                    kept.add(part.trim());
                }
            }
        }
        if (!kept.isEmpty()) {
            m.put(key, kept);
        }
    }

    /** URLs of the current search with one thing changed; paging starts over unless it is the change. */
    static final class Links {

        private final Map<String, List<String>> params;

        Links(Map<String, List<String>> params) {
            this.params = params;
        }

        public String toggle(String facet, String value) {
            Map<String, List<String>> next = copy();
            List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
            if (!values.remove(value)) {
                values.add(value);
            }
            if (values.isEmpty()) {
                next.remove(facet);
            } else {
                next.put(facet, values);
            }
            return url(next, null);
        }

        public boolean selected(String facet, String value) {
            return params.getOrDefault(facet, List.of()).contains(value);
        }

        public String clearFacets() {
            Map<String, List<String>> next = copy();
            FACETS.forEach(next::remove);
            return url(next, null);
        }

        public boolean anyFacet() {
            return FACETS.stream().anyMatch(params::containsKey);
        }

        public String mode(String mode) {
            Map<String, List<String>> next = copy();
            next.put("mode", List.of(mode));
            return url(next, null);
        }

        public String page(int page) {
            return url(copy(), page);
        }

        /** The selected facet values, as hidden fields of the keyword form (a new keyword keeps the filters). */
        List<Map.Entry<String, String>> hiddenFacets() {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (String f : FACETS) {
                params.getOrDefault(f, List.of()).forEach(v -> out.add(Map.entry(f, v)));
            }
            params.getOrDefault("mode", List.of()).forEach(v -> out.add(Map.entry("mode", v)));
            return out;
        }

        private Map<String, List<String>> copy() {
            return new LinkedHashMap<>(params);
        }

        private static String url(Map<String, List<String>> params, Integer page) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/catalog/search");
            params.forEach((k, vs) -> vs.forEach(v -> b.queryParam(k, v)));
            if (page != null && page > 0) {
                b.queryParam("page", page);
            }
            return b.build().encode().toUriString();
        }
    }
}
