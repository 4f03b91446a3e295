package org.govshare.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.govshare.platform.DataServicePaths;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the data service's handler among its own few mappings before Spring MVC's main mapping
 * does. The main mapping matches a path with variables by trying every mapping of the application
 * in turn (some 230), each asking the request for its method and headers through the security
 * filters' request wrappers: measured with bench/gateway, that was about a third of the gateway's
 * CPU per lookup. Requests outside the data service, and any it has no handler for, go on to the
 * main mapping exactly as before (which also still lists these handlers for the API docs).
 */
@Component
class DataServiceHandlerMapping implements HandlerMapping, Ordered, ApplicationContextAware, InitializingBean {

    private final RequestMappingHandlerMapping own = new RequestMappingHandlerMapping() {
        @Override
        protected boolean isHandler(Class<?> beanType) {
            return DataServiceController.class.isAssignableFrom(beanType);
        }
    };

    @Override
    public void setApplicationContext(ApplicationContext context) {
        own.setApplicationContext(context);
    }

    @Override
    public void afterPropertiesSet() {
        own.afterPropertiesSet();
    }

    @Override
    public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
        return DataServicePaths.matches(request) ? own.getHandler(request) : null;
    }

    @Override
    public boolean usesPathPatterns() {
        return true;
    }

    /**
     * First of all: before the main RequestMappingHandlerMapping (order 0) and before the actuator's
     * endpoint mapping (-100), which would otherwise try its own mappings on every call first. It
     * answers only under {@value DataServicePaths#PREFIX}, where no other mapping has handlers.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
