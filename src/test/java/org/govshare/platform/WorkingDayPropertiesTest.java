package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

// Binds the shipped holiday file the way Spring Boot would, without starting a context.
class WorkingDayPropertiesTest {

    @Test
    void bindsTheShippedChinaHolidays() throws IOException {
        WorkingDayProperties properties = bind("calendar/cn-holidays.yml");

        assertThat(properties.years()).containsOnlyKeys(2025, 2026);
        assertThat(properties.years().get(2025).holidays()).hasSize(28);
        assertThat(properties.years().get(2025).workdays()).hasSize(5);
        assertThat(properties.years().get(2026).holidays()).hasSize(33);
        assertThat(properties.years().get(2026).workdays()).hasSize(6);
    }

    @Test
    void shippedDatesAreConsistent() throws IOException {
        WorkingDayProperties properties = bind("calendar/cn-holidays.yml");

        properties.years().forEach((year, days) -> {
            assertThat(days.holidays()).allMatch(d -> d.getYear() == year).doesNotHaveDuplicates();
            assertThat(days.workdays()).allMatch(d -> d.getYear() == year)
                    .allMatch(WorkingDayPropertiesTest::isWeekend);
        });
    }

    @Test
    void shippedCalendarGivesTheNationalDay2025Deadline() throws IOException {
        WorkingDayCalendar calendar = bind("calendar/cn-holidays.yml").toCalendar();

        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 10)).isEqualTo(LocalDate.of(2025, 10, 16));
        // Spring Festival 2026: Feb 15-23 off, Saturday Feb 14 worked.
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 2, 14))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void missingSectionsMeanAPlainCalendar() {
        WorkingDayCalendar calendar = new WorkingDayProperties(null).toCalendar();
        WorkingDayProperties.YearDays empty = new WorkingDayProperties.YearDays(null, null);

        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).isTrue();
        assertThat(empty.holidays()).isEmpty();
        assertThat(empty.workdays()).isEmpty();
    }

    private static WorkingDayProperties bind(String resource) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load(resource, new ClassPathResource(resource));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), null,
                ApplicationConversionService.getSharedInstance());
        return binder.bind("govshare.calendar", WorkingDayProperties.class).get();
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
