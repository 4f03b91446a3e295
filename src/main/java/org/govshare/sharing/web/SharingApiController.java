package org.govshare.sharing.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.govshare.platform.PageView;
import org.govshare.sharing.ApplicationDraft;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.ApplicationView;
import org.govshare.sharing.Approval;
import org.govshare.sharing.GrantChange;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.ApplicationFilter;
import org.govshare.sharing.SharingManagement.GrantFilter;
import org.govshare.sharing.SharingManagement.OverdueCount;
import org.govshare.sharing.SharingManagement.Side;
import org.govshare.sharing.SharingPath;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing applications and grants. Consumers apply and answer, the authority pre-checks,
 * coordinates and settles disputes, providers' reviewers decide; each action is its own POST so
 * the audit log and the timeline name it, and a refused transition is a 409 that changed nothing.
 */
@RestController
@RequestMapping("/api/v1/sharing")
class SharingApiController {

    private final SharingManagement sharing;

    SharingApiController(SharingManagement sharing) {
        this.sharing = sharing;
    }

    record Reason(String reason) {
    }

    record Text(String text) {
    }

    record Question(String question) {
    }

    record Precheck(boolean passed, String comment) {
    }

    record Decision(boolean upheld, String reason, Approval approval) {
    }

    record Outcome(boolean granted, String reason, Approval approval) {
    }

    record Renewal(LocalDate validUntil, String reason) {
    }

    record Comment(String comment) {
    }

    @PostMapping("/applications")
    @Operation(summary = "Apply for items of a published resource (unconditional items are granted at once)")
    ResponseEntity<ApplicationView> apply(@RequestBody ApplicationDraft draft) {
        ApplicationView view = sharing.apply(draft);
        return ResponseEntity.created(URI.create("/api/v1/sharing/applications/" + view.id())).body(view);
    }

    @PostMapping("/applications/coordination")
    @Operation(summary = "Ask the sharing authority to coordinate access to not-shared data")
    ResponseEntity<ApplicationView> coordinate(@RequestBody ApplicationDraft draft) {
        ApplicationView view = sharing.requestCoordination(draft);
        return ResponseEntity.created(URI.create("/api/v1/sharing/applications/" + view.id())).body(view);
    }

    @GetMapping("/applications")
    @Operation(summary = "Applications as consumer, as provider or all (authority), filtered and paged")
    PageView<ApplicationView> applications(@RequestParam(defaultValue = "CONSUMER") Side side,
                                           @RequestParam(required = false) ApplicationState state,
                                           @RequestParam(required = false) SharingPath path,
                                           @RequestParam(required = false) UUID resourceId,
                                           @RequestParam(defaultValue = "false") boolean overdue,
                                           @RequestParam(defaultValue = "false") boolean open,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return sharing.applications(new ApplicationFilter(side, state, path, resourceId, overdue, open, q), page, size);
    }

    @GetMapping("/applications/counts")
    @Operation(summary = "How many applications each state holds, for one side (the authority: ALL)")
    java.util.Map<ApplicationState, Long> counts(@RequestParam(defaultValue = "CONSUMER") Side side) {
        return sharing.countsByState(ApplicationFilter.of(side));
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "One application with its timeline and the running deadline")
    ApplicationView application(@PathVariable UUID id) {
        return sharing.application(id);
    }

    @PostMapping("/applications/{id}/withdraw")
    ApplicationView withdraw(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
        return sharing.withdraw(id, body == null ? null : body.reason());
    }

    @PostMapping("/applications/{id}/supplement")
    @Operation(summary = "The consumer answers a request for more information; the review clock resumes")
    ApplicationView supplement(@PathVariable UUID id, @RequestBody Text body) {
        return sharing.supplement(id, body.text());
    }

    @PostMapping("/applications/{id}/dispute")
    @Operation(summary = "The consumer disputes a refusal; the sharing authority decides")
    ApplicationView dispute(@PathVariable UUID id, @RequestBody Reason body) {
        return sharing.dispute(id, body.reason());
    }

    @PostMapping("/applications/{id}/precheck")
    @Operation(summary = "The sharing authority's pre-check: pass to the provider or return")
    ApplicationView precheck(@PathVariable UUID id, @RequestBody Precheck body) {
        return sharing.precheck(id, body.passed(), body.comment());
    }

    @PostMapping("/applications/{id}/approve")
    @Operation(summary = "The provider's reviewer approves, possibly narrower than asked; the grant is issued")
    ApplicationView approve(@PathVariable UUID id, @RequestBody(required = false) Approval body) {
        return sharing.approve(id, body);
    }

    @PostMapping("/applications/{id}/refuse")
    @Operation(summary = "The provider's reviewer refuses, giving the reason")
    ApplicationView refuse(@PathVariable UUID id, @RequestBody Reason body) {
        return sharing.refuse(id, body.reason());
    }

    @PostMapping("/applications/{id}/supplement-request")
    @Operation(summary = "The provider's reviewer asks for more information; the clock stops meanwhile")
    ApplicationView askSupplement(@PathVariable UUID id, @RequestBody Question body) {
        return sharing.askSupplement(id, body.question());
    }

    @PostMapping("/applications/{id}/dispute-decision")
    @Operation(summary = "The sharing authority upholds a disputed refusal or overturns it with a grant")
    ApplicationView decideDispute(@PathVariable UUID id, @RequestBody Decision body) {
        return sharing.decideDispute(id, body.upheld(), body.approval(), body.reason());
    }

    @PostMapping("/applications/{id}/coordination-outcome")
    @Operation(summary = "The sharing authority records the outcome of a coordination")
    ApplicationView concludeCoordination(@PathVariable UUID id, @RequestBody Outcome body) {
        return sharing.concludeCoordination(id, body.granted(), body.approval(), body.reason());
    }

    @GetMapping("/overdue-by-provider")
    @Operation(summary = "Overdue review stages per provider (the authority; for assessment)")
    List<OverdueCount> overdueByProvider() {
        return sharing.overdueByProvider();
    }

    @GetMapping("/grants")
    @Operation(summary = "Grants as consumer, as provider or all (authority), filtered and paged")
    PageView<GrantView> grants(@RequestParam(defaultValue = "CONSUMER") Side side,
                               @RequestParam(required = false) GrantState state,
                               @RequestParam(required = false) UUID resourceId,
                               @RequestParam(defaultValue = "false") boolean reviewNeeded,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        return sharing.grants(new GrantFilter(side, state, resourceId, reviewNeeded, q), page, size);
    }

    @GetMapping("/grants/{id}")
    GrantView grant(@PathVariable UUID id) {
        return sharing.grant(id);
    }

    @PostMapping("/grants/{id}/renew")
    GrantView renew(@PathVariable UUID id, @RequestBody Renewal body) {
        return sharing.renew(id, body.validUntil(), body.reason());
    }

    @PostMapping("/grants/{id}/narrow")
    GrantView narrow(@PathVariable UUID id, @RequestBody GrantChange body) {
        return sharing.narrow(id, body);
    }

    @PostMapping("/grants/{id}/revoke")
    GrantView revoke(@PathVariable UUID id, @RequestBody Reason body) {
        return sharing.revoke(id, body.reason());
    }

    @PostMapping("/grants/{id}/review-confirmation")
    GrantView confirmReview(@PathVariable UUID id, @RequestBody(required = false) Comment body) {
        return sharing.confirmReview(id, body == null ? null : body.comment());
    }
}
