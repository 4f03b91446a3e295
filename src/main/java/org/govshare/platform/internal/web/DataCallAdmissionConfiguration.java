package org.govshare.platform.internal.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The data service's admission filter, first after the request id (so that waiting calls have done
 * no work yet, and a busy answer still carries the id). Slots default to two per processor: a call
 * holding one also waits for its record from the database, time another call can use the processor.
 */
@Configuration(proxyBeanMethods = false)
class DataCallAdmissionConfiguration {

    @Bean
    FilterRegistrationBean<DataCallAdmission> dataCallAdmission(
            DataCallCapacity capacity,
            @Value("${govshare.data-service.admission-wait:5s}") Duration maxWait,
            Problems problems, MeterRegistry meters) {
        int slots = capacity.slots();
        FilterRegistrationBean<DataCallAdmission> registration =
            new FilterRegistrationBean<>(new DataCallAdmission(slots, maxWait, problems, meters));
        registration.addUrlPatterns("/api/v1/data", "/api/v1/data/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("dataCallAdmission");
        return registration;
    }

    /** Right after the request id: a request that has no business on the data port does no work there. */
    @Bean
    FilterRegistrationBean<DataPortFilter> dataPortFilter(DataServiceConnector connector, Problems problems) {
        FilterRegistrationBean<DataPortFilter> registration =
            new FilterRegistrationBean<>(new DataPortFilter(connector, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("dataPortFilter");
        registration.setEnabled(connector.enabled());
        return registration;
    }
}
