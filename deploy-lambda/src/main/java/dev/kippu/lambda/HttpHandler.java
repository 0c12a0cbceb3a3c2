package dev.kippu.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Kippu's HTTP function: API Gateway HTTP API and Function URL events (payload format 2.0) served by
 * the application's Spring MVC, with no server in between.
 */
public class HttpHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        LambdaKippu.ADAPTER.proxyStream(event, response, context);
    }
}
