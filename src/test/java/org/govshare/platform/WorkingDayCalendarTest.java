package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    // National Day and Mid-Autumn 2025: Oct 1-8 off; Sunday Sep 28 and Saturday Oct 11 worked.
    private static final Set<LocalDate> NATIONAL_DAY_2025 = Stream.iterate(
            LocalDate.of(2025, 10, 1), d -> d.plusDays(1)).limit(8).collect(Collectors.toSet());
    private static final Set<LocalDate> MAKE_UP_2025 = Set.of(date("2025-09-28"), date("2025-10-11"));

    private final WorkingDayCalendar plain = WorkingDayCalendar.of(Set.of(), Set.of());
    private final WorkingDayCalendar calendar = WorkingDayCalendar.of(NATIONAL_DAY_2025, MAKE_UP_2025);

    @Test
    void skipsWeekends() {
        LocalDate friday = date("2025-11-14");

        assertThat(plain.isWorkingDay(date("2025-11-15"))).isFalse();
        assertThat(plain.nextWorkingDay(friday)).isEqualTo(date("2025-11-17"));
        assertThat(plain.plusWorkingDays(friday, 1)).isEqualTo(date("2025-11-17"));
        assertThat(plain.plusWorkingDays(friday, 5)).isEqualTo(date("2025-11-21"));
    }

    @Test
    void skipsHolidays() {
        assertThat(calendar.isWorkingDay(date("2025-10-08"))).isFalse();
        assertThat(calendar.nextWorkingDay(date("2025-09-30"))).isEqualTo(date("2025-10-09"));
    }

    @Test
    void countsMakeUpWeekendDays() {
        assertThat(calendar.isWorkingDay(date("2025-10-11"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2025-09-28"))).isTrue();
        assertThat(calendar.nextWorkingDay(date("2025-10-10"))).isEqualTo(date("2025-10-11"));
        assertThat(calendar.nextWorkingDay(date("2025-10-11"))).isEqualTo(date("2025-10-13"));
    }

    @Test
    void tenWorkingDaysAcrossNationalDay2025() {
        // Applied on Friday 2025-09-26. Working days after it:
        //  1 Sun 09-28 (make-up), 2 Mon 09-29, 3 Tue 09-30,
        //  (Wed 10-01 to Wed 10-08 holiday),
        //  4 Thu 10-09, 5 Fri 10-10, 6 Sat 10-11 (make-up), (Sun 10-12 weekend),
        //  7 Mon 10-13, 8 Tue 10-14, 9 Wed 10-15, 10 Thu 10-16.
        LocalDate applied = date("2025-09-26");

        assertThat(calendar.plusWorkingDays(applied, 10)).isEqualTo(date("2025-10-16"));
        assertThat(calendar.workingDaysBetween(applied, date("2025-10-16"))).isEqualTo(10);
    }

    @Test
    void zeroWorkingDaysIsTheStartOrTheNextWorkingDay() {
        assertThat(calendar.plusWorkingDays(date("2025-09-30"), 0)).isEqualTo(date("2025-09-30"));
        assertThat(calendar.plusWorkingDays(date("2025-10-03"), 0)).isEqualTo(date("2025-10-09"));
    }

    @Test
    void rejectsNegativeWorkingDays() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(date("2025-09-30"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsBetweenExcludingFromIncludingTo() {
        assertThat(calendar.workingDaysBetween(date("2025-09-30"), date("2025-09-30"))).isZero();
        assertThat(calendar.workingDaysBetween(date("2025-09-30"), date("2025-10-09"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(date("2025-10-01"), date("2025-10-08"))).isZero();
        assertThat(calendar.workingDaysBetween(date("2025-10-16"), date("2025-09-26"))).isEqualTo(-10);
    }

    @Test
    void rejectsADateThatIsBothHolidayAndWorkingDay() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(Set.of(date("2025-10-11")), MAKE_UP_2025))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-10-11");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
