package org.envmon.app.web;

import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Registers {@link NotFoundPage} just before Spring Security's filter chain (order -100). */
@Configuration(proxyBeanMethods = false)
class NotFoundPageConfiguration {

    @Bean
    FilterRegistrationBean<NotFoundPage> notFoundPage(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) throws IOException {
        FilterRegistrationBean<NotFoundPage> bean = new FilterRegistrationBean<>(new NotFoundPage(controllers));
        bean.setOrder(-101);
        return bean;
    }
}
