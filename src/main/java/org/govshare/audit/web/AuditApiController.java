package org.govshare.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditPage;
import org.govshare.audit.AuditQueries;
import org.govshare.audit.AuditSearch;
import org.govshare.audit.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over HTTP: scoped search, and chain verification for administrators and auditors. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "审计日志 / audit log")
class AuditApiController {

    private final AuditQueries queries;
    private final AuditVerification verification;

    AuditApiController(AuditQueries queries, AuditVerification verification) {
        this.queries = queries;
        this.verification = verification;
    }

    @GetMapping("/entries")
    @Operation(summary = "Search audit entries, newest first (times ISO-8601 UTC; from inclusive, to exclusive)")
    AuditPage entries(@RequestParam(required = false) Instant from,
                      @RequestParam(required = false) Instant to,
                      @RequestParam(required = false) UUID organizationId,
                      @RequestParam(required = false) String action,
                      @RequestParam(required = false) String actor,
                      @RequestParam(required = false) AuditOutcome outcome,
                      @RequestParam(required = false) String subjectKey,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        return queries.search(new AuditSearch(from, to, organizationId, action, actor, outcome, subjectKey), page, size);
    }

    @PostMapping("/verification")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
    @Operation(summary = "Verify the whole hash chain and report the first break, if any")
    VerificationView verify() {
        return VerificationView.of(verification.verify());
    }
}
