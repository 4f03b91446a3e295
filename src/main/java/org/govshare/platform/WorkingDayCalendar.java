package org.govshare.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working-day arithmetic for statutory sharing deadlines ("answer within 10 working days").
 * Mainland China moves working days onto weekends around public holidays (调休), so a plain
 * Monday-to-Friday count would give wrong deadlines; holidays and make-up working days come
 * from configuration. Dates outside the configured years fall back to Monday to Friday.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    private WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        this.holidays = holidays;
        this.makeUpWorkingDays = makeUpWorkingDays;
    }

    public static WorkingDayCalendar of(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        Set<LocalDate> conflicts = new TreeSet<>(holidays);
        conflicts.retainAll(makeUpWorkingDays);
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(
                    "Dates configured both as holiday and as make-up working day: " + conflicts);
        }
        return new WorkingDayCalendar(Set.copyOf(holidays), Set.copyOf(makeUpWorkingDays));
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    // The first working day strictly after date.
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return isWorkingDay(start) ? start : nextWorkingDay(start);
        }
        LocalDate date = start;
        for (int i = 0; i < n; i++) {
            date = nextWorkingDay(date);
        }
        return date;
    }

    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
