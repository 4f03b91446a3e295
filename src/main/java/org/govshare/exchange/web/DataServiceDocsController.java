package org.govshare.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govshare.exchange.DataServiceDocs;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resource's data service as OpenAPI 3, generated from its data items: for the calling client
 * application under its grant (data service chain, API key), and for people (API chain).
 */
@RestController
@Tag(name = "Data service", description = "Lookup, query, verification and export of granted, masked records")
class DataServiceDocsController {

    private final DataServiceDocs docs;

    DataServiceDocsController(DataServiceDocs docs) {
        this.docs = docs;
    }

    @GetMapping(value = "/api/v1/data/{classification}/{serial}/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OpenAPI description of the resource's data service as this client's grant shapes it",
        description = "Granted items only, with their masks; filters only on granted unmasked items. 403 without a valid grant.")
    ResponseEntity<String> forClient(@PathVariable String classification, @PathVariable String serial) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
            .body(docs.openApiForClient(classification + "/" + serial));
    }

    @GetMapping(value = "/api/v1/data-services/{classification}/{serial}/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OpenAPI description of the resource's data service for people: every shareable item, default masks")
    ResponseEntity<String> forPeople(@PathVariable String classification, @PathVariable String serial) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
            .body(docs.openApiForConsole(classification + "/" + serial));
    }
}
