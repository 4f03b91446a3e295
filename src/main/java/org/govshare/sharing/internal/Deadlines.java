package org.govshare.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.govshare.platform.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Working-day deadlines in China's calendar (holidays and make-up working days): a stage started
 * on day D with n working days is due at the end of the n-th working day after D (D itself does
 * not count, whatever the hour), in Beijing time.
 */
@Component
class Deadlines {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    Deadlines(WorkingDayCalendar calendar) {
        this(calendar, Clock.systemUTC());
    }

    Deadlines(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    LocalDate dueDate(Instant start, int workingDays) {
        return calendar.plusWorkingDays(LocalDate.ofInstant(start, ZONE), Math.max(1, workingDays));
    }

    /** The instant the stage becomes overdue: the start of the day after the due date. */
    Instant deadline(Instant start, int workingDays) {
        return endOf(dueDate(start, workingDays));
    }

    static Instant endOf(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    static LocalDate dueDateOf(Instant deadline) {
        return LocalDate.ofInstant(deadline.minusNanos(1), ZONE);
    }

    /** Stages due on or before the n-th working day from today end before this instant. */
    Instant horizon(int workingDays) {
        return endOf(calendar.plusWorkingDays(today(), Math.max(0, workingDays)));
    }

    /** Working days left until the due date: 0 on the due date itself, negative once past. */
    int workingDaysLeft(Instant deadline) {
        int left = calendar.workingDaysBetween(today(), dueDateOf(deadline));
        // past the deadline is overdue even when no working day lies in between (a weekend, a holiday)
        return clock.instant().isBefore(deadline) ? left : Math.min(left, -1);
    }
}
