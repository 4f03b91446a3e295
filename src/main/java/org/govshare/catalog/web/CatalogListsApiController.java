package org.govshare.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.govshare.catalog.CatalogLists;
import org.govshare.catalog.CatalogLists.DutyChange;
import org.govshare.catalog.CatalogLists.NegativeChallenge;
import org.govshare.catalog.CatalogLists.NegativeListEntry;
import org.govshare.catalog.CatalogLists.Responsibility;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The responsibility list, the negative list and duty changes over HTTP. */
@RestController
@RequestMapping("/api/v1/catalog/lists")
@Tag(name = "catalog lists", description = "责任清单、负面清单、职责调整 / responsibility and negative lists")
class CatalogListsApiController {

    private final CatalogLists lists;

    CatalogListsApiController(CatalogLists lists) {
        this.lists = lists;
    }

    record Settlement(UUID organizationId, String note) {
    }

    record NewChallenge(UUID resourceId, String itemCode, String reason) {
    }

    record Response(String response) {
    }

    record Decision(boolean overturned) {
    }

    record NewDutyChange(UUID organizationId, String description, LocalDate changedOn) {
    }

    @GetMapping("/responsibilities")
    @Operation(summary = "Data items and the departments claiming to be their one source (一数一源)")
    List<Responsibility> responsibilities(@RequestParam(defaultValue = "false") boolean conflicts) {
        return lists.responsibilities(conflicts);
    }

    @PutMapping("/responsibilities/{standardName}")
    @Operation(summary = "The authority settles which department is the one source of a data item")
    Responsibility settle(@PathVariable String standardName, @RequestBody Settlement body) {
        return lists.settle(standardName, body.organizationId(), body.note());
    }

    @GetMapping("/negative-list")
    List<NegativeListEntry> negativeList() {
        return lists.negativeList();
    }

    @PostMapping("/negative-list/challenges")
    ResponseEntity<NegativeChallenge> challenge(@RequestBody NewChallenge body) {
        return ResponseEntity.status(201).body(lists.challenge(body.resourceId(), body.itemCode(), body.reason()));
    }

    @PostMapping("/negative-list/challenges/{id}/response")
    NegativeChallenge respond(@PathVariable UUID id, @RequestBody Response body) {
        return lists.respond(id, body.response());
    }

    @PostMapping("/negative-list/challenges/{id}/decision")
    NegativeChallenge decide(@PathVariable UUID id, @RequestBody Decision body) {
        return lists.decide(id, body.overturned());
    }

    @PostMapping("/duty-changes")
    ResponseEntity<DutyChange> recordDutyChange(@RequestBody NewDutyChange body) {
        return ResponseEntity.status(201).body(lists.recordDutyChange(body.organizationId(), body.description(),
            body.changedOn()));
    }

    @GetMapping("/duty-changes")
    List<DutyChange> dutyChanges(@RequestParam(required = false) UUID organizationId) {
        return lists.dutyChanges(organizationId);
    }
}
