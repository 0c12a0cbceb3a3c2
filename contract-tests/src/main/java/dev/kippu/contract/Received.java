package dev.kippu.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/**
 * What a subscription delivers, as it arrives: tests wait for the next value, the end or the
 * error, each within a deadline. Closing it cancels the subscription (the client sends
 * {@code complete}).
 */
public final class Received<T> implements AutoCloseable {

    private final BlockingQueue<Signal<T>> signals = new LinkedBlockingQueue<>();
    private final Disposable subscription;

    private Received(Flux<T> stream) {
        this.subscription = stream.materialize().subscribe(signals::add);
    }

    public static <T> Received<T> from(Flux<T> stream) {
        return new Received<>(stream);
    }

    /** The next value, which must arrive within {@code deadline}. */
    public T next(Duration deadline) {
        Signal<T> signal = await(deadline, "a value");
        if (!signal.isOnNext()) {
            fail("Expected a value but the stream ended: " + signal, signal.getThrowable());
        }
        return signal.get();
    }

    /** The stream must complete (no value first) within {@code deadline}. */
    public void completes(Duration deadline) {
        Signal<T> signal = await(deadline, "the end of the stream");
        assertThat(signal.isOnComplete()).as("expected the stream to complete, got %s", signal).isTrue();
    }

    /** The stream must fail (no value first) within {@code deadline}; returns why. */
    public Throwable fails(Duration deadline) {
        Signal<T> signal = await(deadline, "an error");
        assertThat(signal.isOnError()).as("expected the stream to fail, got %s", signal).isTrue();
        return signal.getThrowable();
    }

    /** Nothing must arrive for {@code quiet}. */
    public void nothingFor(Duration quiet) {
        try {
            Signal<T> signal = signals.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(signal).as("nothing expected within %s", quiet).isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        subscription.dispose();
    }

    private Signal<T> await(Duration deadline, String what) {
        try {
            Signal<T> signal = signals.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (signal == null) {
                fail("Nothing arrived within " + deadline + "; expected " + what);
            }
            return signal;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
