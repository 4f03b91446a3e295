package org.govshare.platform.internal.calendar;

import org.govshare.platform.WorkingDayCalendar;
import org.govshare.platform.WorkingDayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One working-day calendar for every deadline of the platform, from the configured years. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(WorkingDayProperties properties) {
        return properties.toCalendar();
    }
}
