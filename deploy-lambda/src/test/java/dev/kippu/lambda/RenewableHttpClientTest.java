package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Renewing the AWS clients' HTTP client: later calls go to a new one, and the old one is closed with its connections. */
class RenewableHttpClientTest {

    private final List<CountingClient> made = new ArrayList<>();
    private final RenewableHttpClient http = new RenewableHttpClient(() -> {
        CountingClient client = new CountingClient();
        made.add(client);
        return client;
    });

    @Test
    void callsGoToTheNewClientAndTheOldOneIsClosed() {
        http.prepareRequest(request());
        http.renew();
        http.prepareRequest(request());
        http.prepareRequest(request());

        assertThat(made).hasSize(2);
        assertThat(made.get(0).prepared).isEqualTo(1);
        assertThat(made.get(0).closed).isTrue();
        assertThat(made.get(1).prepared).isEqualTo(2);
        assertThat(made.get(1).closed).isFalse();

        http.close();
        assertThat(made.get(1).closed).isTrue();
    }

    private static HttpExecuteRequest request() {
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https").host("dynamodb.us-east-1.amazonaws.com").build())
                .build();
    }

    private static final class CountingClient implements SdkHttpClient {
        int prepared;
        boolean closed;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            prepared++;
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
