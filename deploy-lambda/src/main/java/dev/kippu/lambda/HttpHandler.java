package dev.kippu.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Kippu's HTTP function: API Gateway HTTP API and Function URL events (payload format 2.0) served by
 * the application's Spring MVC, with no server in between. The runtime creates the handler in the
 * init phase, and with it Kippu starts, before the first invocation.
 */
public class HttpHandler implements RequestStreamHandler {

    private final SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> kippu = LambdaKippu.adapter();

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        kippu.proxyStream(event, response, context);
    }
}
