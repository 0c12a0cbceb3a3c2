package dev.kippu.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SnapStart's runtime hooks, as CRaC resources that Lambda's java runtime calls. Kippu's start has
 * warmed up the GraphQL engine, the table's connection and the pool's signing keys already (the
 * application's {@code FirstRequestWarmup}), so that all of it is in the snapshot; before the
 * snapshot, these hooks add what the start cannot reach: requests as Lambda delivers them, event
 * JSON through the adapter, the filter chain and security to GraphQL and back, and each AWS client
 * of the function's own with its first call, so that every environment restored from the snapshot
 * starts with that code loaded and run instead of paying for it on its first request. After each
 * restore, they make anew what must not be shared by the environments restored from one snapshot:
 * the AWS clients' pooled connections. (Ids and back-off jitter come from {@code SecureRandom},
 * which draws on the kernel's entropy each time, so they differ already.) A priming request that
 * fails leaves a slower first request, never a failed snapshot.
 */
final class SnapStartHooks implements Resource {

    private static final Logger log = LoggerFactory.getLogger(SnapStartHooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS = """
            query Priming { events(first: 1) { edges { cursor node { id title startsAt seatsRemaining status organizer { displayName } } } pageInfo { hasNextPage endCursor } } }""";
    private static final String ME = "query Priming { me { id displayName email roles } }";

    private final SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> kippu;
    private final ApplicationContext beans;

    SnapStartHooks(SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> kippu) {
        this.kippu = kippu;
        this.beans = WebApplicationContextUtils.getRequiredWebApplicationContext(kippu.getServletContext());
    }

    /** Registers the hooks where Lambda will snapshot this environment; the caller keeps them, as the runtime holds them only weakly. */
    static SnapStartHooks registerIfSnapStart(SpringBootLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> kippu) {
        if (!"snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return null;
        }
        SnapStartHooks hooks = new SnapStartHooks(kippu);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Primed> steps = prime(System.getenv("_HANDLER"));
        for (Primed primed : steps) {
            if (primed.asExpected()) {
                log.info("Primed {} in {} ms: {}", primed.what(), primed.took().toMillis(), primed.outcome());
            } else {
                log.warn("Priming {} did not go as expected, in {} ms: {}", primed.what(), primed.took().toMillis(), primed.outcome());
            }
        }
        log.info("Ready for the snapshot after {} priming steps", steps.size());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        beans.getBean(RenewableHttpClient.class).renew();
        log.info("Restored from the snapshot: the AWS clients have a new connection pool");
    }

    /** One priming step's result. */
    record Primed(String what, Duration took, String outcome, boolean asExpected) {
    }

    /**
     * The priming steps of the function whose handler this is ({@code _HANDLER}), each once: only
     * calls its role may make, so that a snapshot leaves no access denied in the account's trail.
     * The e-mail worker's are none: its one client of its own, SES's, has no call that sends nothing.
     */
    List<Primed> prime(String handler) {
        List<Primed> primed = new ArrayList<>();
        String type = handler == null ? "" : handler.split("::")[0];
        if (type.equals(HttpHandler.class.getName())) {
            primed.add(request("the GraphQL path, anonymous, to DynamoDB", EVENTS, null, 200));
            primed.add(request("the bearer-token path, a malformed token refused", ME, "Bearer not-a-token", 401));
            String uploads = beans.getEnvironment().getProperty("kippu.media.uploads-bucket", "");
            if (!uploads.isBlank()) {
                primed.add(step("the S3 client", () -> {
                    beans.getBean(S3Client.class).headObject(r -> r.bucket(uploads).key("covers/priming-" + UUID.randomUUID()));
                    return "an object that should not be there";
                }));
            }
        } else if (type.equals(ScheduleHandler.class.getName())) {
            String queue = beans.getEnvironment().getProperty("kippu.notifications.queue-name", "");
            primed.add(step("the SQS client", () -> {
                beans.getBean(SqsClient.class).getQueueUrl(r -> r.queueName(queue));
                return "the e-mail queue's URL";
            }));
        }
        return primed;
    }

    private Primed request(String what, String query, String authorization, int expectedStatus) {
        Instant start = Instant.now();
        try {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            kippu.proxyStream(new ByteArrayInputStream(httpApiEvent(query, authorization)), response,
                    InvocationContext.priming("snapstart-priming-" + UUID.randomUUID()));
            int status = JSON.readTree(response.toByteArray()).path("statusCode").asInt();
            return new Primed(what, Duration.between(start, Instant.now()), "HTTP " + status, status == expectedStatus);
        } catch (IOException | RuntimeException e) {
            return new Primed(what, Duration.between(start, Instant.now()), e.toString(), false);
        }
    }

    /** A call of an AWS client: primed once the service answered, whatever it answered (a refusal went the whole way too). */
    private static Primed step(String what, Supplier<String> call) {
        Instant start = Instant.now();
        try {
            String outcome = call.get();
            return new Primed(what, Duration.between(start, Instant.now()), outcome, true);
        } catch (AwsServiceException answered) {
            return new Primed(what, Duration.between(start, Instant.now()), "the service answered " + answered.statusCode() + " ("
                    + answered.getClass().getSimpleName() + ")", true);
        } catch (RuntimeException e) {
            return new Primed(what, Duration.between(start, Instant.now()), e.toString(), false);
        }
    }

    /** A GraphQL request as the HTTP API or the Function URL would deliver it (payload format 2.0). */
    private static byte[] httpApiEvent(String query, String authorization) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", "/graphql");
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("accept", "application/graphql-response+json");
        headers.put("host", "localhost");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        ObjectNode context = event.putObject("requestContext");
        ObjectNode http = context.putObject("http");
        http.put("method", "POST");
        http.put("path", "/graphql");
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "kippu-snapstart-priming");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        event.put("body", JSON.writeValueAsString(JSON.createObjectNode().put("query", query)));
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
    }
}
