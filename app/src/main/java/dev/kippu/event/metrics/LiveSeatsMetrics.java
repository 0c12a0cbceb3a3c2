package dev.kippu.event.metrics;

import org.springframework.stereotype.Component;

import dev.kippu.event.SeatPollers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What live seat updates cost this instance: events polled now (one per followed event), their
 * followers, and the reads made for them ({@code kippu_live_reads_total}, one consistent GetItem each).
 */
@Component
class LiveSeatsMetrics implements MeterBinder {

    private final SeatPollers pollers;

    LiveSeatsMetrics(SeatPollers pollers) {
        this.pollers = pollers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kippu.live.polled.events", pollers, SeatPollers::polledEvents)
                .description("Events this instance polls for live seat updates")
                .register(registry);
        Gauge.builder("kippu.live.followers", pollers, SeatPollers::followers)
                .description("Open seatsChanged subscriptions on this instance")
                .register(registry);
        FunctionCounter.builder("kippu.live.reads", pollers, SeatPollers::reads)
                .description("Event reads made for live seat updates")
                .register(registry);
    }
}
