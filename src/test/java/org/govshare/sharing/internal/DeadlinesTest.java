package org.govshare.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.govshare.platform.ProblemException;
import org.govshare.platform.WorkingDayCalendar;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.SharingPath;
import org.junit.jupiter.api.Test;

/**
 * Deadline arithmetic on China's 2026 calendar around the Mid-Autumn and National Day holidays
 * (Sep 25–27 and Oct 1–7 off; Sunday Sep 20 and Saturday Oct 10 are make-up working days), and
 * the aggregate's guards and paused clock.
 */
class DeadlinesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(
        Set.of(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26), LocalDate.of(2026, 9, 27),
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
        Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    private static Instant beijing(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(Deadlines.ZONE).toInstant();
    }

    private static Deadlines at(Instant now) {
        return new Deadlines(CALENDAR, Clock.fixed(now, Deadlines.ZONE));
    }

    @Test
    void anApplicationSubmittedTheDayBeforeNationalDayIsDueTenWorkingDaysAfterTheHoliday() {
        Instant submitted = beijing(9, 30, 10, 0);
        Deadlines d = at(submitted);
        // Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15, 16, 19, 20
        assertThat(d.dueDate(submitted, 10)).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(d.deadline(submitted, 10)).isEqualTo(beijing(10, 21, 0, 0));
        // the authority's two-day pre-check: Oct 8 and 9
        assertThat(d.dueDate(submitted, 2)).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void theDayCountsInBeijingTimeAndAMakeUpSaturdayIsAWorkingDay() {
        // 23:30 on Friday Oct 9 in Beijing is 15:30 UTC the same day; the next working day is Saturday Oct 10
        Instant late = beijing(10, 9, 23, 30);
        assertThat(at(late).dueDate(late, 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        // 00:30 on Thursday Sep 24 in Beijing is still Sep 23 in UTC: the count starts from the 24th
        Instant early = beijing(9, 24, 0, 30);
        assertThat(LocalDate.ofInstant(early, java.time.ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 9, 23));
        // Sep 25-27 off: Sep 28, 29
        assertThat(at(early).dueDate(early, 2)).isEqualTo(LocalDate.of(2026, 9, 29));
    }

    @Test
    void workingDaysLeftCountDownToZeroOnTheDueDateAndBelowAfterIt() {
        Instant deadline = Deadlines.endOf(LocalDate.of(2026, 10, 20));
        assertThat(at(beijing(10, 16, 9, 0)).workingDaysLeft(deadline)).isEqualTo(2);
        assertThat(at(beijing(10, 19, 9, 0)).workingDaysLeft(deadline)).isEqualTo(1);
        assertThat(at(beijing(10, 20, 23, 59)).workingDaysLeft(deadline)).isZero();
        assertThat(at(beijing(10, 21, 0, 1)).workingDaysLeft(deadline)).isEqualTo(-1);
        // the sweep's horizon for a one-day reminder taken on Friday Oct 16 reaches the end of Monday Oct 19
        assertThat(at(beijing(10, 16, 9, 0)).horizon(1)).isEqualTo(beijing(10, 20, 0, 0));
    }

    @Test
    void asupplementRequestStopsTheClockAndTheAnswerResumesItWithTheDaysLeft() {
        Instant submitted = beijing(9, 30, 10, 0);
        Application a = application();
        a.startReview(submitted, 10, at(submitted));
        assertThat(Deadlines.dueDateOf(a.deadline)).isEqualTo(LocalDate.of(2026, 10, 20));
        // asked on Wednesday Oct 14: Oct 15, 16, 19, 20 were left
        a.askSupplement(at(beijing(10, 14, 15, 0)));
        assertThat(a.state).isEqualTo(ApplicationState.SUPPLEMENT_REQUESTED);
        assertThat(a.deadline).isNull();
        assertThat(a.pausedDaysLeft).isEqualTo(4);
        // answered on Monday Oct 26: Oct 27, 28, 29, 30
        Instant answered = beijing(10, 26, 11, 0);
        a.supplement(answered, at(answered));
        assertThat(a.state).isEqualTo(ApplicationState.REVIEW);
        assertThat(Deadlines.dueDateOf(a.deadline)).isEqualTo(LocalDate.of(2026, 10, 30));
    }

    @Test
    void theAggregateRefusesTransitionsItsStateDoesNotAllowAndMarksOverdueOncePerStage() {
        Instant submitted = beijing(9, 30, 10, 0);
        Application a = application();
        a.startPrecheck(submitted, 2, at(submitted));
        assertThatThrownBy(() -> a.approve(submitted, UUID.randomUUID(), null))
            .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("application-state"));
        assertThat(a.state).isEqualTo(ApplicationState.PRECHECK);
        assertThat(a.markOverdue(beijing(10, 9, 23, 59))).isFalse();
        assertThat(a.markOverdue(beijing(10, 10, 0, 0))).isTrue();
        assertThat(a.markOverdue(beijing(10, 12, 0, 0))).isFalse();
        a.precheck(true, null, beijing(10, 12, 9, 0), 10, at(beijing(10, 12, 9, 0)));
        assertThat(a.overdueAt).isNull();
        a.refuse(beijing(10, 13, 9, 0), "理由");
        a.dispute(beijing(10, 13, 10, 0), 10, at(beijing(10, 13, 10, 0)));
        assertThatThrownBy(() -> a.withdraw(beijing(10, 13, 11, 0), null)).isInstanceOf(ProblemException.class);
        assertThat(a.state).isEqualTo(ApplicationState.DISPUTED);
    }

    private static Application application() {
        return new Application(UUID.randomUUID(), "SQ2026000001", SharingPath.CONDITIONAL, ApplicationState.REVIEW,
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "303001/000001", "企业信息", 1, UUID.randomUUID(),
            List.of("qymc"), "用途", List.of("用途"), "依据", "场景", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 9, 30), 100, null,
            beijing(9, 30, 10, 0), 0);
    }
}
