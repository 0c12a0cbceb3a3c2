package dev.kippu.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cognito's verification e-mail, locally: each code cognito-local "sends" is e-mailed, in the pool's
 * verification message, through the SES stand-in. A person who signs up finds it in the mail viewer
 * beside Kippu's own e-mails, as in AWS it arrives in their inbox, and the browser tests read it there.
 * <p>
 * The codes are read from the pool's data file, where cognito-local keeps each with its user. It also
 * prints them, but its logger holds output back after a multi-byte character (sonic-boom counts
 * characters written as bytes), so a code can sit unprinted until the next request.
 */
public final class VerificationMail implements AutoCloseable {

    /** The sender of Cognito's own e-mail (a pool's {@code COGNITO_DEFAULT} sending account). */
    static final String SENDER = "no-reply@verificationemail.com";

    private static final Logger log = LoggerFactory.getLogger(VerificationMail.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path poolFile;
    private final SesV2Client ses;
    private final String subject;
    private final String message;
    /** The last code e-mailed to each user (by cognito-local's user name). */
    private final Map<String, String> sent = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread follower;
    private FileVersion lastSeen;

    private VerificationMail(CognitoStandIn cognito, String sesEndpoint) {
        UserPool pool = cognito.pool();
        UserPoolType settings = pool.client().describeUserPool(r -> r.userPoolId(pool.userPoolId())).userPool();
        this.subject = settings.emailVerificationSubject();
        this.message = settings.emailVerificationMessage();
        this.poolFile = cognito.poolFile();
        this.ses = LocalClients.at(sesEndpoint, SesV2Client.builder()).build();
        this.follower = Thread.ofVirtual().name("cognito-verification-mail").start(this::run);
    }

    /** E-mails the codes {@code cognito} sends from now on through the SES stand-in at {@code sesEndpoint}. */
    public static VerificationMail start(CognitoStandIn cognito, String sesEndpoint) {
        return new VerificationMail(cognito, sesEndpoint);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            follower.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ses.close();
    }

    private void run() {
        while (running.get()) {
            try {
                sendNewCodes();
            } catch (RuntimeException e) {
                log.warn("Verification codes could not be e-mailed yet (tried again): {}", e.toString());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads the pool's file when it changed, and e-mails every code not e-mailed yet. */
    private void sendNewCodes() {
        FileVersion version = version();
        if (version == null || version.equals(lastSeen)) {
            return;
        }
        List<CodeDelivery> deliveries;
        try {
            deliveries = codesIn(JSON.readTree(Files.readString(poolFile)));
        } catch (IOException | JacksonException halfWritten) {
            return; // cognito-local rewrites the file in place: read it again at the next poll
        }
        for (CodeDelivery delivery : deliveries) {
            if (!delivery.code().equals(sent.get(delivery.username()))) {
                send(delivery);
                sent.put(delivery.username(), delivery.code());
            }
        }
        lastSeen = version;
    }

    /** The file as it is now, or null before cognito-local wrote it. */
    private FileVersion version() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(poolFile, BasicFileAttributes.class);
            return new FileVersion(attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException notYet) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + poolFile, e);
        }
    }

    private void send(CodeDelivery delivery) {
        String text = message.replace("{####}", delivery.code());
        ses.sendEmail(r -> r.fromEmailAddress(SENDER)
                .destination(d -> d.toAddresses(delivery.email()))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject)).body(b -> b.text(t -> t.data(text))))));
    }

    /** The codes waiting in a pool's data file: users with a {@code ConfirmationCode} and an e-mail address. */
    static List<CodeDelivery> codesIn(JsonNode poolData) {
        List<CodeDelivery> deliveries = new ArrayList<>();
        for (JsonNode user : poolData.path("Users")) {
            String code = user.path("ConfirmationCode").asString("");
            String email = "";
            for (JsonNode attribute : user.path("Attributes")) {
                if (attribute.path("Name").asString("").equals("email")) {
                    email = attribute.path("Value").asString("");
                }
            }
            if (!code.isEmpty() && !email.isEmpty()) {
                deliveries.add(new CodeDelivery(user.path("Username").asString(""), email, code));
            }
        }
        return deliveries;
    }

    /** What tells one writing of the pool's file from the next. */
    private record FileVersion(FileTime modified, long size) {
    }

    /** A code cognito-local sent to a user's address. */
    record CodeDelivery(String username, String email, String code) {
    }
}
