package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Access on the embedded store, and the classification of every mapped endpoint. */
class AccessOnDuckDbTest extends AccessContract {
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = on(PlatformPerClass.duckdb());

    /**
     * Every endpoint Spring maps (the API's controllers, springdoc, actuator, the error page) has a rule in
     * {@link EndpointRules}: a new endpoint cannot be left open, or refused, by accident.
     */
    @Test
    void everyMappedEndpointIsClassified() {
        List<EndpointRules.Rule> rules = EndpointRules.rules(platform.bean(EnvmonSecurityProperties.class));
        List<String> unclassified = new ArrayList<>();
        int endpoints = 0;
        Map<String, RequestMappingInfoHandlerMapping> mappings = platform.ctx
                .getBeansOfType(RequestMappingInfoHandlerMapping.class);
        for (RequestMappingInfoHandlerMapping mapping : mappings.values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<HttpMethod> methods = info.getMethodsCondition().getMethods().stream()
                        .map(RequestMethod::asHttpMethod).toList();
                for (String pattern : info.getPatternValues()) {
                    endpoints++;
                    if (methods.isEmpty()) {
                        if (!declared(rules, null, pattern)) {
                            unclassified.add("ANY " + pattern);
                        }
                    }
                    for (HttpMethod m : methods) {
                        if (!declared(rules, m, pattern)) {
                            unclassified.add(m + " " + pattern);
                        }
                    }
                }
            }
        }
        assertThat(endpoints).as("mapped endpoints found").isGreaterThan(30);
        assertThat(unclassified).as("endpoints without a rule in EndpointRules").isEmpty();
    }

    /** A rule of this method (or of every method) whose pattern covers the mapped pattern. */
    private static boolean declared(List<EndpointRules.Rule> rules, HttpMethod method, String pattern) {
        PathContainer path = PathContainer.parsePath(pattern);
        for (EndpointRules.Rule r : rules) {
            PathPattern p = PathPatternParser.defaultInstance.parse(r.pattern());
            if ((r.method() == null || r.method().equals(method)) && (p.getPatternString().equals(pattern)
                    || p.matches(path))) {
                return true;
            }
        }
        return false;
    }
}
