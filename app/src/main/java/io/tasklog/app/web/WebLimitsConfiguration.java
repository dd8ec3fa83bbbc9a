package io.tasklog.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The request body cap, in front of every other filter (security included). */
@Configuration(proxyBeanMethods = false)
public class WebLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(WebLimitsProperties limits, ObjectMapper mapper) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, mapper));
        // after Boot's CharacterEncodingFilter (HIGHEST_PRECEDENCE), which a buffered body's reader relies on
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
