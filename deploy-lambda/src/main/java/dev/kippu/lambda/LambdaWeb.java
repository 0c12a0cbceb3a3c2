package dev.kippu.lambda;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.error.ErrorPageRegistrarBeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.support.ErrorPageFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import jakarta.servlet.DispatcherType;

/**
 * What a servlet container does for Kippu and the serverless adapter, which stands in for it on
 * Lambda, does not; and the viewer's token where a Function URL behind CloudFront receives it; so
 * that every answer is the same as over Tomcat.
 */
@AutoConfiguration
@ImportRuntimeHints(LambdaRuntimeHints.class)
public class LambdaWeb {

    /**
     * GraphQL controllers run on the invocation's thread. The adapter writes the response of an
     * asynchronous Spring MVC request only if its result is there when the first dispatch ends; a
     * controller method handed to the task executor (as Spring Boot sets it up for blocking methods)
     * would finish later, and its response would never be sent.
     */
    @Bean
    static BeanPostProcessor graphQlControllersOnTheInvocationThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer controllers) {
                    controllers.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }

    /**
     * Error pages: a request refused before GraphQL sees it (malformed JSON, a batch) gets the same
     * GraphQL-shaped error body from {@code /error} as over Tomcat, through Spring Boot's filter for
     * containers without error-page support.
     */
    @Bean
    static ErrorPageRegistrarBeanPostProcessor errorPagesForTheFilter() {
        return new ErrorPageRegistrarBeanPostProcessor();
    }

    /** The viewer's token behind CloudFront and a Function URL: Spring Security's resource server takes this resolver. */
    @Bean
    BearerTokenResolver viewerBearerToken() {
        return new ViewerBearerToken();
    }

    @Bean
    ErrorPageFilter errorPageFilter() {
        return new ErrorPageFilter();
    }

    @Bean
    FilterRegistrationBean<ErrorPageFilter> errorPageFilterRegistration(ErrorPageFilter filter) {
        FilterRegistrationBean<ErrorPageFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(filter.getOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
