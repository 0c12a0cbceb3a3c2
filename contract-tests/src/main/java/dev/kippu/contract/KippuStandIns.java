package dev.kippu.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.DynamoDbStandIn;
import dev.kippu.local.LocalClients;
import dev.kippu.local.LocalDirectory;
import dev.kippu.local.S3StandIn;
import dev.kippu.local.SesStandIn;
import dev.kippu.local.SqsStandIn;
import dev.kippu.local.UserPool;
import dev.kippu.local.VerificationMail;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local AWS stand-ins a test run uses, and Kippu's settings that point at them. Either started
 * here on free ports (once per JVM, side by side, stopped when it exits), or, when the tests run
 * against a Kippu already running elsewhere ({@code kippu.test.base-url}), the stand-ins that Kippu
 * uses: their coordinates are the {@code settings} of the stack file its local run writes
 * ({@code kippu.test.stack}, by default {@code .kippu/local-stack.json}).
 * Either way the tests reach them only through those settings.
 */
public final class KippuStandIns {

    private static KippuStandIns shared;

    private final Map<String, String> settings;
    private final List<AutoCloseable> owned;
    private final UserPool pool;
    private final S3Client s3;
    private final SqsClient sqs;

    private KippuStandIns(Map<String, String> settings, List<AutoCloseable> started) {
        this.settings = Map.copyOf(settings);
        this.pool = UserPool.at(setting("kippu.aws.endpoints.cognito"), setting("kippu.cognito.user-pool-id"), setting("kippu.cognito.client-ids"));
        this.s3 = LocalClients.at(setting("kippu.aws.endpoints.s3"), S3Client.builder()).forcePathStyle(true).build();
        this.sqs = LocalClients.at(setting("kippu.aws.endpoints.sqs"), SqsClient.builder()).build();
        this.owned = new ArrayList<>(List.of(sqs, s3, pool));
        this.owned.addAll(started);
    }

    public static synchronized KippuStandIns shared() {
        if (shared == null) {
            shared = KippuUnderTest.runsElsewhere() ? fromStackFile() : startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-stand-ins"));
        }
        return shared;
    }

    /** Kippu's settings that point it at these stand-ins (endpoints, pool, buckets, queue). */
    public Map<String, String> properties() {
        return settings;
    }

    public UserPool cognito() {
        return pool;
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Where the media bucket's objects are read without credentials, as through the CDN in AWS. */
    public String mediaBaseUrl() {
        return setting("kippu.media.public-base-url");
    }

    public String sesEndpoint() {
        return setting("kippu.aws.endpoints.ses");
    }

    /** Messages in a queue, visible or being handled (in flight): what a test expects to drain to zero. */
    public int messagesIn(String queueName) {
        String url = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    private String setting(String name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalStateException("the stand-ins' settings have no " + name + ": " + settings.keySet());
        }
        return value;
    }

    /** Starts them all at once (S3Mock, a JVM, takes longest); if one fails, stops those that started. */
    private static KippuStandIns startAll() {
        Future<DynamoDbStandIn> dynamo;
        Future<CognitoStandIn> cognito;
        Future<S3StandIn> s3;
        Future<SqsStandIn> sqs;
        Future<SesStandIn> ses;
        Future<VerificationMail> verificationMail;
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            dynamo = starter.submit(() -> DynamoDbStandIn.start());
            cognito = starter.submit(() -> CognitoStandIn.start());
            s3 = starter.submit(() -> S3StandIn.start());
            sqs = starter.submit(() -> SqsStandIn.start());
            ses = starter.submit(() -> SesStandIn.start());
            verificationMail = starter.submit(() -> VerificationMail.start(cognito.get(), ses.get().endpoint()));
        } // waits for all of them
        List<Future<? extends AutoCloseable>> all = List.of(verificationMail, ses, sqs, s3, cognito, dynamo);
        List<Throwable> failures = all.stream().filter(f -> f.state() == Future.State.FAILED).map(Future::exceptionNow).toList();
        List<AutoCloseable> started = all.stream().filter(f -> f.state() == Future.State.SUCCESS).<AutoCloseable>map(Future::resultNow).toList();
        if (!failures.isEmpty()) {
            started.forEach(KippuStandIns::closeQuietly);
            IllegalStateException failure = new IllegalStateException("the local stand-ins did not start", failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        return new KippuStandIns(settingsFor(dynamo.resultNow(), cognito.resultNow().pool(), s3.resultNow(), sqs.resultNow(), ses.resultNow()), started);
    }

    private static Map<String, String> settingsFor(DynamoDbStandIn dynamo, UserPool cognito, S3StandIn s3, SqsStandIn sqs, SesStandIn ses) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kippu.aws.endpoints.dynamodb", dynamo.endpoint());
        properties.put("kippu.aws.endpoints.cognito", cognito.endpoint());
        properties.put("kippu.aws.endpoints.s3", s3.endpoint());
        properties.put("kippu.aws.endpoints.sqs", sqs.endpoint());
        properties.put("kippu.aws.endpoints.ses", ses.endpoint());
        properties.put("kippu.aws.credentials", "static");
        properties.put("kippu.aws.access-key-id", "local");
        properties.put("kippu.aws.secret-access-key", "local");
        properties.put("kippu.dynamodb.create-table", "true");
        properties.put("kippu.cognito.user-pool-id", cognito.userPoolId());
        properties.put("kippu.cognito.issuer", cognito.issuer());
        properties.put("kippu.cognito.jwk-set-uri", cognito.jwkSetUri());
        properties.put("kippu.cognito.client-ids", cognito.clientId());
        properties.put("kippu.media.uploads-bucket", s3.uploadsBucket());
        properties.put("kippu.media.media-bucket", s3.mediaBucket());
        properties.put("kippu.media.public-base-url", s3.publicBaseUrl());
        properties.put("kippu.notifications.create-queue", "true");
        return properties;
    }

    private static KippuStandIns fromStackFile() {
        Path file = Path.of(System.getProperty("kippu.test.stack", LocalDirectory.path().getParent().resolve(".kippu/local-stack.json").toString()));
        try {
            JsonNode settings = JsonMapper.builder().build().readTree(Files.readString(file)).path("settings");
            if (!settings.isObject()) {
                throw new IllegalStateException(file + " has no \"settings\" object: is it a stack file that ./kippu local wrote?");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            settings.properties().forEach(setting -> properties.put(setting.getKey(), setting.getValue().asString()));
            return new KippuStandIns(properties, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stand-ins' coordinates (-Dkippu.test.stack) from " + file, e);
        }
    }

    private void close() {
        owned.forEach(KippuStandIns::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable standIn) {
        try {
            standIn.close();
        } catch (Exception e) {
            // stopping the others matters more
        }
    }
}
