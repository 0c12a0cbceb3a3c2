package dev.kippu.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import dev.kippu.local.SesStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The e-mails the SES stand-in received, and waiting for them to arrive. */
public final class SentMail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SentMail() {
    }

    /** A mail as the stand-in keeps it; {@code at} is when it arrived, to the second (rounded down). */
    public record Mail(List<String> to, String subject, String text, String html, Instant at) {
    }

    public static List<Mail> all() {
        JsonNode store = JSON.readTree(SesStandIn.storeJson(KippuStandIns.shared().sesEndpoint()));
        return store.path("emails").valueStream().map(email -> new Mail(
                email.path("destination").path("to").valueStream().map(JsonNode::asString).toList(),
                email.path("subject").asString(), email.path("body").path("text").asString(), email.path("body").path("html").asString(),
                Instant.ofEpochSecond(email.path("at").asLong())))
                .toList();
    }

    public static List<Mail> to(String address) {
        return all().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    /** Waits until at least {@code count} mails match, then returns all that match. */
    public static List<Mail> await(Predicate<Mail> matching, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Mail> found = all().stream().filter(matching).toList();
            if (found.size() >= count || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }
}
