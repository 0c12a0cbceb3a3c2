package dev.kippu.lambda;

import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;

import dev.kippu.KippuApplication;

/**
 * Kippu as every handler of this artifact starts it, once per execution environment, in Lambda's
 * init phase: the application in profile {@code lambda} behind AWS's serverless adapter. One
 * application for all of them, as the reminder job runs the service's beans, so that Spring AOT
 * has one set of beans to fix.
 */
final class LambdaKippu {

    static final SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> ADAPTER = start();

    private LambdaKippu() {
    }

    /** One of the application's beans, for a handler of events that are not HTTP. */
    static <T> T bean(Class<T> type) {
        WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(ADAPTER.getServletContext());
        return context.getBean(type);
    }

    private static SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> start() {
        try {
            return SpringBootLambdaContainerHandler.getHttpApiV2ProxyHandler(KippuApplication.class, "lambda");
        } catch (ContainerInitializationException e) {
            throw new IllegalStateException("Kippu did not start", e);
        }
    }
}
