package org.govshare.dataset.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.govshare.dataset.ConnectionCheck;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.PullDefinitionDraft;
import org.govshare.dataset.PullDefinitionView;
import org.govshare.dataset.SourceDatabaseDraft;
import org.govshare.dataset.SourceDatabaseView;
import org.govshare.dataset.SourceDatabases;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
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
 * Staging databases (前置库) and pull definitions over JSON. Passwords go in, never out; edits of a
 * staging database carry its version in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "dataset-pull", description = "前置库与定时归集 / staging databases and scheduled pulls")
class SourceDatabaseApiController {

    private final SourceDatabases sources;

    SourceDatabaseApiController(SourceDatabases sources) {
        this.sources = sources;
    }

    @GetMapping("/sources")
    @Operation(summary = "Staging databases of an organization (default: the caller's)")
    List<SourceDatabaseView> list(@RequestParam(required = false) UUID organizationId) {
        return sources.sources(organizationId);
    }

    @PostMapping("/sources")
    @Operation(summary = "Register a staging database; the password is sealed and never returned")
    ResponseEntity<SourceDatabaseView> create(@RequestParam(required = false) UUID organizationId,
                                              @RequestBody SourceDatabaseDraft draft) {
        SourceDatabaseView created = sources.create(organizationId, draft);
        return ResponseEntity.created(URI.create("/api/v1/datasets/sources/" + created.id()))
            .eTag(Long.toString(created.version())).body(created);
    }

    @GetMapping("/sources/{id}")
    ResponseEntity<SourceDatabaseView> get(@PathVariable UUID id) {
        SourceDatabaseView s = sources.source(id);
        return ResponseEntity.ok().eTag(Long.toString(s.version())).body(s);
    }

    @PutMapping("/sources/{id}")
    @Operation(summary = "Change a staging database (If-Match: its version); an empty password keeps the stored one")
    ResponseEntity<SourceDatabaseView> change(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch,
                                              @RequestBody SourceDatabaseDraft draft) {
        SourceDatabaseView s = sources.change(id, version(ifMatch), draft);
        return ResponseEntity.ok().eTag(Long.toString(s.version())).body(s);
    }

    @DeleteMapping("/sources/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sources/{id}/test")
    @Operation(summary = "Connect (5 s timeout) and run select 1: the server version or the reason")
    ConnectionCheck test(@PathVariable UUID id, Locale locale) {
        return sources.test(id, locale);
    }

    @GetMapping("/pulls")
    @Operation(summary = "Pull definitions of an organization's resources (default: the caller's)")
    List<PullDefinitionView> pulls(@RequestParam(required = false) UUID organizationId) {
        return sources.pullDefinitions(organizationId);
    }

    @GetMapping("/{resourceId}/pull")
    PullDefinitionView pull(@PathVariable UUID resourceId) {
        return sources.pullDefinition(resourceId).orElseThrow(() -> ProblemException.notFound("pull", resourceId));
    }

    @PutMapping("/{resourceId}/pull")
    @Operation(summary = "Create or replace the resource's pull definition")
    PullDefinitionView define(@PathVariable UUID resourceId, @RequestBody PullDefinitionDraft draft) {
        return sources.definePull(resourceId, draft);
    }

    @DeleteMapping("/{resourceId}/pull")
    ResponseEntity<Void> remove(@PathVariable UUID resourceId) {
        sources.removePull(resourceId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{resourceId}/pull/runs")
    @Operation(summary = "Pull now: 200 with the finished load, 202 with the load still running, "
        + "204 when an incremental pull finds nothing past the watermark (no load)")
    ResponseEntity<LoadView> run(@PathVariable UUID resourceId) {
        LoadView load = sources.pullNow(resourceId);
        if (load == null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(load.state().finished() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(load);
    }

    private static long version(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "if-match-format");
        }
    }
}
