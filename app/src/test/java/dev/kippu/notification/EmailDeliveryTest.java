package dev.kippu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kippu.notification.EmailDelivery.Outcome;
import dev.kippu.notification.SentEmails.Claim;
import dev.kippu.support.ShippedSettings;

/** One job's e-mail: sent once, retried when refused, never sent twice unless a send's outcome was lost. */
class EmailDeliveryTest {

    private final NotificationProperties properties = ShippedSettings.bind("kippu.notifications", NotificationProperties.class);
    private final LeasedClaims claims = new LeasedClaims();
    private final List<Email> outbox = new ArrayList<>();
    private RuntimeException mailFailure;
    private final EmailDelivery delivery = new EmailDelivery(claims, new EmailComposer(properties), email -> {
        if (mailFailure != null) {
            throw mailFailure;
        }
        outbox.add(email);
    }, properties);

    @Test
    void aJobDeliveredAgainAfterItWasSentIsNotSentAgain() {
        assertThat(delivery.deliver(job())).isInstanceOf(Outcome.Done.class);
        assertThat(delivery.deliver(job())).isInstanceOf(Outcome.Done.class);
        assertThat(outbox).hasSize(1);
    }

    @Test
    void aRefusedMailGivesItsClaimUpSoThatTheNextDeliveryTriesAtOnce() {
        mailFailure = new Mailer.Refused("throttled", null);
        assertThatThrownBy(() -> delivery.deliver(job())).isSameAs(mailFailure);
        mailFailure = null;
        assertThat(delivery.deliver(job())).isInstanceOf(Outcome.Done.class);
        assertThat(outbox).hasSize(1);
    }

    @Test
    void aSendWhoseOutcomeIsUnknownKeepsItsClaimUntilTheLeaseEnds() {
        mailFailure = new IllegalStateException("timed out: maybe sent");
        assertThatThrownBy(() -> delivery.deliver(job())).isSameAs(mailFailure);
        mailFailure = null;

        Outcome meanwhile = delivery.deliver(job());
        assertThat(meanwhile).isInstanceOfSatisfying(Outcome.HeldElsewhere.class,
                held -> assertThat(held.until()).isAfter(Instant.now().plus(properties.claimLease()).minusSeconds(1)));
        assertThat(outbox).isEmpty();

        claims.expireAll();
        assertThat(delivery.deliver(job())).isInstanceOf(Outcome.Done.class);
        assertThat(outbox).as("sent again once the lease ended: at least once").hasSize(1);
        assertThat(claims.takenOver).isEqualTo(1);
    }

    @Test
    void aJobWithoutAnAddressIsDropped() {
        EmailJob noAddress = new EmailJob("b-1-REMINDER", EmailKind.REMINDER, "b-1", 1, null, "Nobody", Locale.ENGLISH, "T", "V",
                Instant.parse("2030-01-01T10:00:00Z"), null);
        assertThat(delivery.deliver(noAddress)).isInstanceOf(Outcome.Done.class);
        assertThat(outbox).isEmpty();
    }

    private static EmailJob job() {
        return new EmailJob("b-1-BOOKING_CONFIRMED", EmailKind.BOOKING_CONFIRMED, "b-1", 2, "buyer@example.test", "Buyer", Locale.ENGLISH,
                "Concert", "Hall", Instant.parse("2030-01-01T10:00:00Z"), null);
    }

    /** Claims with leases, as the table keeps them. */
    private static final class LeasedClaims implements SentEmails {

        private final Map<String, Instant> leases = new HashMap<>();
        private final Map<String, Boolean> sent = new HashMap<>();
        int takenOver;

        @Override
        public Claim claim(String jobId, Duration lease) {
            if (sent.getOrDefault(jobId, false)) {
                return new Claim.AlreadySent();
            }
            Instant held = leases.get(jobId);
            if (held != null && held.isAfter(Instant.now())) {
                return new Claim.HeldElsewhere(held);
            }
            leases.put(jobId, Instant.now().plus(lease));
            if (held != null) {
                takenOver++;
            }
            return new Claim.Claimed(held != null);
        }

        @Override
        public void markSent(String jobId) {
            sent.put(jobId, true);
            leases.remove(jobId);
        }

        @Override
        public void release(String jobId) {
            leases.remove(jobId);
        }

        void expireAll() {
            leases.replaceAll((job, until) -> Instant.EPOCH);
        }
    }
}
