package dev.kippu.lambda;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP client all AWS clients share, whose connection pool can be replaced by a fresh one: after
 * a SnapStart restore, the connections pooled in the snapshot lead to peers that closed them long
 * ago, and each would cost a failed attempt before its call is retried on a new one.
 */
final class RenewableHttpClient implements SdkHttpClient {

    private final Supplier<SdkHttpClient> factory;
    private final AtomicReference<SdkHttpClient> current;

    RenewableHttpClient(Supplier<SdkHttpClient> factory) {
        this.factory = factory;
        this.current = new AtomicReference<>(factory.get());
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return current.get().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return current.get().clientName();
    }

    /** Replaces the client and closes the old one with its connections: only while no call is under way, as right after a restore. */
    void renew() {
        current.getAndSet(factory.get()).close();
    }

    @Override
    public void close() {
        current.get().close();
    }
}
