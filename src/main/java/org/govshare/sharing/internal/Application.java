package org.govshare.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.govshare.platform.ProblemException;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.SharingEvents.ApplicationRef;
import org.govshare.sharing.SharingPath;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The application aggregate: its state machine and the deadline of the running stage. Every
 * transition checks the current state first and refuses (409 {@code application-state}) anything
 * that does not follow from it, so deciding twice, or acting on a withdrawn application, changes nothing.
 */
final class Application {

    final UUID id;
    final String number;
    final SharingPath path;
    final UUID consumerId;
    final UUID clientApplicationId;
    final UUID resourceId;
    final String resourceCode;
    final String resourceName;
    final int resourceVersion;
    final UUID providerId;
    final List<String> items;
    final String purpose;
    final List<String> purposes;
    final String basis;
    final String scenario;
    final LocalDate validFrom;
    final LocalDate validUntil;
    final int expectedDailyCalls;
    final UUID submittedBy;
    final Instant submittedAt;
    final long version;

    ApplicationState state;
    Instant deadline;
    Integer pausedDaysLeft;
    boolean reminded;
    Instant overdueAt;
    ApplicationState overdueStage;
    String decisionReason;
    UUID grantId;
    Instant decidedAt;

    Application(UUID id, String number, SharingPath path, ApplicationState state, UUID consumerId,
                UUID clientApplicationId, UUID resourceId, String resourceCode, String resourceName, int resourceVersion,
                UUID providerId, List<String> items, String purpose, List<String> purposes, String basis, String scenario,
                LocalDate validFrom,
                LocalDate validUntil, int expectedDailyCalls, UUID submittedBy, Instant submittedAt, long version) {
        this.id = id;
        this.number = number;
        this.path = path;
        this.state = state;
        this.consumerId = consumerId;
        this.clientApplicationId = clientApplicationId;
        this.resourceId = resourceId;
        this.resourceCode = resourceCode;
        this.resourceName = resourceName;
        this.resourceVersion = resourceVersion;
        this.providerId = providerId;
        this.items = List.copyOf(items);
        this.purpose = purpose;
        this.purposes = List.copyOf(purposes);
        this.basis = basis;
        this.scenario = scenario;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.expectedDailyCalls = expectedDailyCalls;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.version = version;
    }

    ApplicationRef ref() {
        return new ApplicationRef(id, number, path, consumerId, providerId, resourceId, state);
    }

    /** Refuses (409) an action the current state does not allow. */
    void require(String action, ApplicationState... allowed) {
        for (ApplicationState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new ProblemException(HttpStatus.CONFLICT, "application-state", "state", "problem.application-state",
            named("sharing.state." + state.name(), state.name()),
            named("sharing.action." + (action.equals("conclude-coordination") ? "conclude" : action), action));
    }

    /** A message argument the reader sees in their language (the state's or the action's name), code as fallback. */
    private static MessageSourceResolvable named(String key, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
    }

    /** Starts a stage with its own deadline (null days: a state nobody has to act on in time). */
    private void enter(ApplicationState next, Instant now, Integer workingDays, Deadlines deadlines) {
        state = next;
        deadline = workingDays == null ? null : deadlines.deadline(now, workingDays);
        pausedDaysLeft = null;
        reminded = false;
        overdueAt = null;
        overdueStage = null;
    }

    private void close(ApplicationState finalState, Instant now, String reason) {
        state = finalState;
        deadline = null;
        pausedDaysLeft = null;
        decisionReason = reason;
        decidedAt = now;
    }

    void startPrecheck(Instant now, int days, Deadlines d) {
        enter(ApplicationState.PRECHECK, now, days, d);
    }

    void startReview(Instant now, int days, Deadlines d) {
        enter(ApplicationState.REVIEW, now, days, d);
    }

    void startCoordination(Instant now, int days, Deadlines d) {
        enter(ApplicationState.COORDINATION, now, days, d);
    }

    void grantedAtOnce(Instant now, UUID grant) {
        close(ApplicationState.APPROVED, now, null);
        grantId = grant;
    }

    void precheck(boolean passed, String comment, Instant now, int reviewDays, Deadlines d) {
        require("precheck", ApplicationState.PRECHECK);
        if (passed) {
            enter(ApplicationState.REVIEW, now, reviewDays, d);
        } else {
            close(ApplicationState.RETURNED, now, comment);
        }
    }

    void approve(Instant now, UUID grant, String comment) {
        require("approve", ApplicationState.REVIEW);
        close(ApplicationState.APPROVED, now, comment);
        grantId = grant;
    }

    void refuse(Instant now, String reason) {
        require("refuse", ApplicationState.REVIEW);
        close(ApplicationState.REFUSED, now, reason);
    }

    /** The clock stops while the consumer supplements; it keeps the working days it had left (at least one). */
    void askSupplement(Deadlines d) {
        require("ask-supplement", ApplicationState.REVIEW);
        pausedDaysLeft = Math.max(1, d.workingDaysLeft(deadline));
        state = ApplicationState.SUPPLEMENT_REQUESTED;
        deadline = null;
    }

    void supplement(Instant now, Deadlines d) {
        require("supplement", ApplicationState.SUPPLEMENT_REQUESTED);
        int days = pausedDaysLeft == null ? 1 : pausedDaysLeft;
        enter(ApplicationState.REVIEW, now, days, d);
    }

    void withdraw(Instant now, String reason) {
        if (!state.withdrawable()) {
            require("withdraw");
        }
        close(ApplicationState.WITHDRAWN, now, reason);
    }

    void dispute(Instant now, int days, Deadlines d) {
        require("dispute", ApplicationState.REFUSED);
        enter(ApplicationState.DISPUTED, now, days, d);
    }

    void decideDispute(boolean upheld, Instant now, UUID grant, String reason) {
        require("decide-dispute", ApplicationState.DISPUTED);
        close(upheld ? ApplicationState.REFUSAL_UPHELD : ApplicationState.APPROVED, now, reason);
        grantId = grant;
    }

    void concludeCoordination(boolean granted, Instant now, UUID grant, String reason) {
        require("conclude-coordination", ApplicationState.COORDINATION);
        close(granted ? ApplicationState.APPROVED : ApplicationState.NOT_GRANTED, now, reason);
        grantId = grant;
    }

    /** The sweep: the running stage's deadline passed undecided (once per stage). */
    boolean markOverdue(Instant now) {
        if (!state.open() || deadline == null || overdueAt != null || now.isBefore(deadline)) {
            return false;
        }
        overdueAt = now;
        overdueStage = state;
        return true;
    }

    boolean markReminded(Deadlines d, int daysBefore) {
        if (!state.open() || deadline == null || reminded || overdueAt != null
            || d.workingDaysLeft(deadline) > daysBefore) {
            return false;
        }
        reminded = true;
        return true;
    }
}
