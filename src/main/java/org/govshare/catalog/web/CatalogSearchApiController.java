package org.govshare.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.govshare.catalog.CatalogSearch;
import org.govshare.catalog.SearchIndexStatus;
import org.govshare.catalog.SearchResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog search over HTTP, and this node's index status and rebuild. Each facet parameter may be
 * repeated or comma-separated; values of one facet are alternatives.
 */
@RestController
@RequestMapping("/api/v1/catalog/search")
@Tag(name = "catalog-search", description = "资源目录检索 / catalog search")
class CatalogSearchApiController {

    private final CatalogSearch search;

    CatalogSearchApiController(CatalogSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search resources (mode=RESOURCES) or data items (mode=DATA_ITEMS) by Chinese or English "
        + "keywords with facets; sort=RELEVANCE|UPDATED|NAME; size up to 100")
    SearchResult search(@RequestParam(required = false) String q,
                        @RequestParam(required = false) List<String> provider,
                        @RequestParam(required = false) List<String> classification,
                        @RequestParam(required = false) List<String> shareType,
                        @RequestParam(required = false) List<String> openType,
                        @RequestParam(required = false) List<String> updateCycle,
                        @RequestParam(required = false) List<String> format,
                        @RequestParam(required = false) String sort,
                        @RequestParam(required = false) String mode,
                        @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size) {
        return search.search(new SearchParams(q, provider, classification, shareType, openType, updateCycle, format,
            sort, mode, page, size).toQuery());
    }

    @GetMapping("/status")
    SearchIndexStatus status() {
        return search.status();
    }

    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Rebuild this node's search index from the database as a background job")
    ResponseEntity<SearchIndexStatus> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.rebuild());
    }
}
