package org.govshare.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.govshare.catalog.CatalogExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What anyone may read without an account: the open part of the catalog as DCAT-AP 3. */
@RestController
class PublicCatalogController {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final CatalogExport export;

    PublicCatalogController(CatalogExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/v1/public/catalog/dcat", produces = {"application/ld+json", "application/json"})
    ResponseEntity<Map<String, Object>> dcat(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return ResponseEntity.ok().contentType(JSON_LD).body(export.dcat(base));
    }
}
