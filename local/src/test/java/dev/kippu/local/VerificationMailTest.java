package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kippu.local.VerificationMail.CodeDelivery;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sign-up's code, e-mailed through the SES stand-in as Cognito e-mails it, and good for confirming the sign-up. */
class VerificationMailTest {

    private static final Pattern CODE = Pattern.compile("^Your Kippu verification code is (\\d{6})$");

    private static CognitoStandIn cognito;
    private static SesStandIn ses;
    private static VerificationMail mail;

    @BeforeAll
    static void start() {
        cognito = CognitoStandIn.start();
        ses = SesStandIn.start();
        mail = VerificationMail.start(cognito, ses.endpoint());
    }

    @AfterAll
    static void stop() {
        mail.close();
        ses.close();
        cognito.close();
    }

    @Test
    void aSignUpsCodeArrivesInThePoolsVerificationMessageAndConfirmsIt() {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        signUp(email);

        JsonNode message = awaitMail(email, 1).getFirst();
        assertThat(message.path("from").asString()).isEqualTo(VerificationMail.SENDER);
        assertThat(message.path("subject").asString()).isEqualTo("Your Kippu verification code");
        String code = codeIn(message);

        UserPool pool = cognito.pool();
        pool.client().confirmSignUp(r -> r.clientId(pool.clientId()).username(email).confirmationCode(code));
        assertThat(pool.client().adminGetUser(r -> r.userPoolId(pool.userPoolId()).username(email)).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(pool.signIn(email, "Correct-horse-9").accessToken()).isNotBlank();
    }

    @Test
    void signUpsAtOnceEachGetTheirOwnCode() {
        List<String> emails = List.of(1, 2, 3).stream().map(n -> "together-" + n + "-" + UUID.randomUUID() + "@example.com").toList();
        emails.parallelStream().forEach(VerificationMailTest::signUp);

        UserPool pool = cognito.pool();
        for (String email : emails) {
            String code = codeIn(awaitMail(email, 1).getFirst());
            pool.client().confirmSignUp(r -> r.clientId(pool.clientId()).username(email).confirmationCode(code));
        }
        assertThat(emails).allSatisfy(email -> assertThat(pool.client().adminGetUser(r -> r.userPoolId(pool.userPoolId()).username(email))
                .userStatus()).isEqualTo(UserStatusType.CONFIRMED));
    }

    @Test
    void aCodeIsReadFromItsUserInThePoolsDataFile() {
        // the shape cognito-local 5.3.0 writes: one user waiting for confirmation, one confirmed, one without an address
        JsonNode poolData = JsonMapper.builder().build().readTree("""
                {"Users": {
                  "5ba2c870": {"Username": "5ba2c870", "UserStatus": "UNCONFIRMED", "ConfirmationCode": "022834",
                               "Attributes": [{"Name": "sub", "Value": "5ba2c870"}, {"Name": "email", "Value": "a@example.com"}]},
                  "77aa01bc": {"Username": "77aa01bc", "UserStatus": "CONFIRMED",
                               "Attributes": [{"Name": "email", "Value": "b@example.com"}]},
                  "0c0ffee0": {"Username": "0c0ffee0", "ConfirmationCode": "123456", "Attributes": []}
                 },
                 "Options": {"Id": "local_21p6cAyx"}}
                """);

        assertThat(VerificationMail.codesIn(poolData)).containsExactly(new CodeDelivery("5ba2c870", "a@example.com", "022834"));
    }

    private static void signUp(String email) {
        UserPool pool = cognito.pool();
        pool.client().signUp(r -> r.clientId(pool.clientId()).username(email).password("Correct-horse-9")
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }

    private static String codeIn(JsonNode message) {
        Matcher code = CODE.matcher(message.path("body").path("text").asString().strip());
        assertThat(code.matches()).as("the message's text: %s", message.path("body")).isTrue();
        return code.group(1);
    }

    /** The e-mails to {@code email}, once there are {@code count} of them. */
    private static List<JsonNode> awaitMail(String email, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<JsonNode> received;
        do {
            JsonNode store = JsonMapper.builder().build().readTree(SesStandIn.storeJson(ses.endpoint()));
            received = StreamSupport.stream(store.path("emails").spliterator(), false)
                    .filter(message -> message.path("destination").path("to").toString().contains(email))
                    .toList();
        } while (received.size() < count && Instant.now().isBefore(deadline) && pause());
        assertThat(received).as("e-mails to %s", email).hasSize(count);
        return received;
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
