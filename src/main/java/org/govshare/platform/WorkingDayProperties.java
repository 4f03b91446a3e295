package org.govshare.platform;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Holidays and make-up working days per year, bound from {@code govshare.calendar}. The State
 * Council publishes each year's arrangement only a few weeks ahead, so the dates live in
 * configuration (see {@code calendar/cn-holidays.yml}) and a deployment can add a year without
 * a release.
 */
@ConfigurationProperties("govshare.calendar")
public record WorkingDayProperties(Map<Integer, YearDays> years) {

    public WorkingDayProperties {
        years = years == null ? Map.of() : Map.copyOf(years);
    }

    public WorkingDayCalendar toCalendar() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        years.values().forEach(year -> {
            holidays.addAll(year.holidays());
            workdays.addAll(year.workdays());
        });
        return WorkingDayCalendar.of(holidays, workdays);
    }

    /**
     * One year's arrangement as published by the State Council: days off (including the
     * weekend days inside a holiday block) and weekend days that are working days (调休上班).
     */
    public record YearDays(List<LocalDate> holidays, List<LocalDate> workdays) {

        public YearDays {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            workdays = workdays == null ? List.of() : List.copyOf(workdays);
        }
    }
}
