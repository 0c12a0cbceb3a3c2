package dev.kippu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.kippu.support.ShippedSettings;

class OutboxRelayTest {

    private final List<EmailJob> outbox = new ArrayList<>();
    private final List<EmailJob> queued = new ArrayList<>();
    private int reads;

    private final PendingEmails pending = new PendingEmails() {
        @Override
        public List<EmailJob> oldest(int limit) {
            reads++;
            return List.copyOf(outbox.subList(0, Math.min(limit, outbox.size())));
        }

        @Override
        public void remove(List<EmailJob> jobs) {
            outbox.removeAll(jobs);
        }
    };

    private final OutboxRelay relay = new OutboxRelay(pending, queued::addAll, ShippedSettings.bind("kippu.notifications", NotificationProperties.class));

    @Test
    void aServiceRelaysOnScheduleAndAProcessWithoutLoopsDoesNot() {
        ScheduledTaskRegistrar service = new ScheduledTaskRegistrar();
        relay.configureTasks(service);
        assertThat(service.getFixedDelayTaskList()).singleElement()
                .satisfies(task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMillis(500)));

        ScheduledTaskRegistrar job = new ScheduledTaskRegistrar();
        new OutboxRelay(pending, queued::addAll, ShippedSettings.bind("kippu.notifications", NotificationProperties.class,
                Map.of("kippu.notifications.loops", "false"))).configureTasks(job);
        assertThat(job.getFixedDelayTaskList()).isEmpty();
    }

    @Test
    void anIdleOutboxIsReadLessAndLessOftenUpToALimit() {
        for (int tick = 0; tick < 40; tick++) {
            relay.relayOnSchedule();
        }
        // reads on ticks 0, 2, 6, 14, 22, 30, 38: the gaps grow 1, 3, 7, 7, ... ticks
        assertThat(reads).isEqualTo(7);
    }

    @Test
    void workResetsThePaceAndEverythingIsRelayed() {
        for (int tick = 0; tick < 20; tick++) {
            relay.relayOnSchedule();
        }
        for (int i = 0; i < 120; i++) {
            outbox.add(job(i));
        }
        int ticks = 0;
        while (!outbox.isEmpty()) {
            relay.relayOnSchedule();
            ticks++;
        }
        assertThat(ticks).isLessThanOrEqualTo(OutboxRelay.MAX_IDLE_TICKS + 1);
        assertThat(queued).hasSize(120);
        int readsBefore = reads;
        relay.relayOnSchedule();
        assertThat(reads).as("still eager right after work").isEqualTo(readsBefore + 1);
    }

    private static EmailJob job(int i) {
        return new EmailJob("b" + i + "-REMINDER", EmailKind.REMINDER, "b" + i, 1, "a@example.test", "A", Locale.ENGLISH,
                "T", "V", Instant.parse("2030-01-01T00:00:00Z"), null);
    }
}
