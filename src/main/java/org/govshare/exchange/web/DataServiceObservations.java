package org.govshare.exchange.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Data service calls are timed by the gateway itself ({@code govshare.data.calls}, by method and
 * outcome), not by the generic {@code http.server.requests} observation, whose tags, handlers and
 * meter lookups cost the hot path about a tenth of its CPU.
 */
@Configuration(proxyBeanMethods = false)
class DataServiceObservations {

    @Bean
    ObservationPredicate dataServiceRequestsTimedByTheGateway() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
            && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/api/v1/data/"));
    }
}
