package org.govshare.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.Classification;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceSummary;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.VersionDiff;
import org.govshare.catalog.VersionView;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog's JSON API: cataloguing, the review workflow and the version history. Edits carry
 * the working copy's version in {@code If-Match}, so a second editor gets 409, not a silent overwrite.
 * Drafts are checked by the catalog's own rules (not bean validation), so one answer lists every
 * problem, the same as an Excel import row would.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog", description = "资源目录 / resource catalog")
class CatalogApiController {

    private static final int MAX_PAGE = 200;

    private final CatalogManagement catalog;

    CatalogApiController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    record Comment(@Size(max = 2000) String comment) {
    }

    record Reason(@Size(max = 1000) String reason) {
    }

    @GetMapping("/classifications")
    List<Classification> classifications() {
        return catalog.classifications();
    }

    @PostMapping("/resources")
    @Operation(summary = "Register a resource as a draft of the caller's organization (the authority may name providerId)")
    ResponseEntity<ResourceView> register(@RequestParam(required = false) UUID providerId,
                                          @RequestBody ResourceDraft draft) {
        ResourceView created = providerId == null ? catalog.register(draft) : catalog.register(providerId, draft);
        return ResponseEntity.created(URI.create("/api/v1/catalog/resources/" + created.id()))
            .eTag(Long.toString(created.version())).body(created);
    }

    @GetMapping("/resources")
    PageView<ResourceSummary> resources(@RequestParam(required = false) UUID providerId,
                                        @RequestParam(required = false) ResourceStatus status,
                                        @RequestParam(required = false) String classification,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page-range", 0);
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalid("size", "size-range", MAX_PAGE);
        }
        return PageView.of(catalog.resources(new ResourceFilter(providerId, status, classification, q),
            PageRequest.of(page, size)));
    }

    @GetMapping("/resources/{id}")
    ResponseEntity<ResourceView> resource(@PathVariable UUID id) {
        ResourceView r = catalog.find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        return ResponseEntity.ok().eTag(Long.toString(r.version())).body(r);
    }

    @GetMapping("/resources/lookup")
    @Operation(summary = "Find a resource by its code, e.g. 303001/000012")
    ResponseEntity<ResourceView> byCode(@RequestParam String code) {
        ResourceView r = catalog.findByCode(code).orElseThrow(() -> ProblemException.notFound("resource", code));
        return ResponseEntity.ok().eTag(Long.toString(r.version())).body(r);
    }

    @PutMapping("/resources/{id}")
    ResponseEntity<ResourceView> edit(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch,
                                      @RequestBody ResourceDraft draft) {
        ResourceView r = catalog.edit(id, version(ifMatch), draft);
        return ResponseEntity.ok().eTag(Long.toString(r.version())).body(r);
    }

    @PostMapping("/resources/{id}/submission")
    ResourceView submit(@PathVariable UUID id) {
        return catalog.submit(id);
    }

    @PostMapping("/resources/{id}/approval")
    ResourceView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) Comment body) {
        return catalog.approve(id, body == null ? null : body.comment());
    }

    @PostMapping("/resources/{id}/return")
    @Operation(summary = "Return a submitted resource to its provider with the reviewer's comments")
    ResourceView returnForRevision(@PathVariable UUID id, @Valid @RequestBody Comment body) {
        return catalog.returnForRevision(id, body.comment());
    }

    @PostMapping("/resources/{id}/change")
    @Operation(summary = "Open a new working version of a published resource")
    ResourceView startChange(@PathVariable UUID id) {
        return catalog.startChange(id);
    }

    @DeleteMapping("/resources/{id}/change")
    ResourceView discardChange(@PathVariable UUID id) {
        return catalog.discardChange(id);
    }

    @PostMapping("/resources/{id}/withdrawal")
    ResourceView withdraw(@PathVariable UUID id, @Valid @RequestBody Reason body) {
        return catalog.withdraw(id, body.reason());
    }

    @GetMapping("/resources/{id}/versions")
    List<VersionView> versions(@PathVariable UUID id) {
        return catalog.versions(id);
    }

    @GetMapping("/resources/{id}/diff")
    VersionDiff diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return catalog.diff(id, from, to);
    }

    private static long version(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "if-match-format");
        }
    }
}
