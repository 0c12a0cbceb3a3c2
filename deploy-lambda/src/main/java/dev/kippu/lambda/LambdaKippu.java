package dev.kippu.lambda;

import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.InitializationWrapper;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import com.amazonaws.serverless.proxy.spring.SpringBootProxyHandlerBuilder;

import dev.kippu.KippuApplication;

/**
 * Kippu as every handler of this artifact starts it, once per execution environment, in Lambda's
 * init phase: the application in profile {@code lambda} behind AWS's serverless adapter. One
 * application for all of them, as the reminder job runs the service's beans, so that Spring AOT
 * has one set of beans to fix.
 */
final class LambdaKippu {

    private static SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> adapter;
    /** Held here: the runtime holds the hooks it calls only weakly. */
    @SuppressWarnings("unused")
    private static SnapStartHooks snapStartHooks;

    private LambdaKippu() {
    }

    /**
     * The adapter with Kippu started behind it, on the first call. Not in a static initializer:
     * what stops a start there comes out wrapped in an {@link ExceptionInInitializerError}, and
     * Spring AOT's processing in the build, which stops the start once it has the context it came
     * for, must see its own exception ({@link CustomRuntime}).
     */
    static synchronized SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> adapter() {
        if (adapter == null) {
            adapter = start();
            snapStartHooks = SnapStartHooks.registerIfSnapStart(adapter);
        }
        return adapter;
    }

    /** One of the application's beans, for a handler of events that are not HTTP. */
    static <T> T bean(Class<T> type) {
        WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(adapter().getServletContext());
        return context.getBean(type);
    }

    private static SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> start() {
        try {
            // a servlet application, said rather than left to the adapter, which picks a reactive
            // one whenever WebFlux is on the class path (as in tests, beside WebTestClient)
            return new SpringBootProxyHandlerBuilder<HttpApiV2ProxyRequest>()
                    .defaultHttpApiV2Proxy()
                    .initializationWrapper(new InitializationWrapper())
                    .servletApplication()
                    .springBootApplication(KippuApplication.class)
                    .profiles("lambda")
                    .buildAndInitialize();
        } catch (ContainerInitializationException e) {
            throw new IllegalStateException("Kippu did not start", e);
        }
    }
}
