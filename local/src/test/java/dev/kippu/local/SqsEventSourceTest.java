package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event source against ElasticMQ, with a function that is a plain runtime loop refusing one message. */
class SqsEventSourceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SqsStandIn sqsStandIn = SqsStandIn.start();
    private final SqsClient sqs = sqsStandIn.client();
    private final LambdaStandIn function = LambdaStandIn.start(Duration.ofSeconds(5));
    private final ExecutorService runtime = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        runtime.shutdownNow();
        function.close();
        sqsStandIn.close();
    }

    @Test
    void messagesTheFunctionHandledAreDeletedAndTheOneItReportedFailedComesBack() throws Exception {
        String queue = sqs.createQueue(r -> r.queueName("mails").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();
        for (String body : List.of("one", "poison", "three")) {
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
        }
        runtime.submit(() -> {
            for (;;) {
                HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + function.runtimeApiAddress()
                        + "/2018-06-01/runtime/invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString());
                StringBuilder failures = new StringBuilder();
                for (JsonNode record : JSON.readTree(next.body()).path("Records")) {
                    assertThat(record.path("eventSource").asString()).isEqualTo("aws:sqs");
                    deliveries.merge(record.path("body").asString(), 1, Integer::sum);
                    if (record.path("body").asString().equals("poison")) {
                        failures.append("{\"itemIdentifier\":\"").append(record.path("messageId").asString()).append("\"}");
                    }
                }
                HTTP.send(HttpRequest.newBuilder(URI.create("http://" + function.runtimeApiAddress() + "/2018-06-01/runtime/invocation/"
                        + next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow() + "/response"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"batchItemFailures\":[" + failures + "]}")).build(), HttpResponse.BodyHandlers.discarding());
            }
        });

        try (SqsEventSource source = SqsEventSource.start(sqs, "mails", function, 10)) {
            Instant deadline = Instant.now().plusSeconds(20);
            while (deliveries.getOrDefault("poison", 0) < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        }

        assertThat(deliveries.get("poison")).isGreaterThanOrEqualTo(2);
        assertThat(deliveries).containsEntry("one", 1).containsEntry("three", 1);
        assertThat(Set.copyOf(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(2)).messages()
                .stream().map(message -> message.body()).toList())).containsExactly("poison");
    }
}
