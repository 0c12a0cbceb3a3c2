package dev.kippu.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.kippu.KippuApplication;

/**
 * Kippu's HTTP function: API Gateway HTTP API and Function URL events (payload format 2.0) served by
 * the application's Spring MVC, with no server in between. Spring starts in the init phase, when the
 * runtime loads this class, so that the first invocation finds it ready.
 */
public class HttpHandler implements RequestStreamHandler {

    private static final SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> KIPPU = start();

    private static SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> start() {
        try {
            return SpringBootLambdaContainerHandler.getHttpApiV2ProxyHandler(KippuApplication.class, "lambda");
        } catch (ContainerInitializationException e) {
            throw new IllegalStateException("Kippu did not start", e);
        }
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        KIPPU.proxyStream(event, response, context);
    }
}
