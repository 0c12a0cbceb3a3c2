package dev.kippu.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

/**
 * The context a handler gets with an invocation, where no runtime interface client makes one: in
 * {@link CustomRuntime}'s loop, from the Runtime API's headers, and for {@link SnapStartHooks}'
 * priming requests. The function's own facts come from the variables Lambda sets.
 */
record InvocationContext(String awsRequestId, String invokedFunctionArn, Instant deadline, String xrayTraceId) implements Context {

    /** For a request Kippu makes to itself, before any invocation. */
    static InvocationContext priming(String requestId) {
        return new InvocationContext(requestId, "", Instant.now().plus(Duration.ofMinutes(1)), null);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return variable("AWS_LAMBDA_LOG_GROUP_NAME");
    }

    @Override
    public String getLogStreamName() {
        return variable("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    @Override
    public String getFunctionName() {
        return variable("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
        return variable("AWS_LAMBDA_FUNCTION_VERSION");
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return Integer.parseInt(Optional.ofNullable(System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")).orElse("0"));
    }

    @Override
    public LambdaLogger getLogger() {
        return LambdaRuntime.getLogger();
    }

    @Override
    public String getXrayTraceId() {
        return xrayTraceId;
    }

    private static String variable(String name) {
        return Optional.ofNullable(System.getenv(name)).orElse("");
    }
}
