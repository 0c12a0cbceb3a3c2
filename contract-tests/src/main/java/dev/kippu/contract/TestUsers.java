package dev.kippu.contract;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.UserPool;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** Creates people in the local user pool and signs them in, as the web front end would. */
public final class TestUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Every test user's password, for tests that sign a user in some other way. */
    public static final String PASSWORD = "Test-Passw0rd!";

    private TestUsers() {
    }

    public static TestUser organizer() {
        return create("en", "organizer", CognitoStandIn.ORGANIZERS);
    }

    public static TestUser attendee() {
        return create("en", "attendee");
    }

    /** An attendee whose user pool {@code locale} is {@code languageTag}. */
    public static TestUser attendeeSpeaking(String languageTag) {
        return create(languageTag, "attendee");
    }

    private static TestUser create(String languageTag, String kind, String... groups) {
        UserPool cognito = KippuStandIns.shared().cognito();
        String name = kind + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.test";
        String id = cognito.createUserSpeaking(languageTag, email, PASSWORD, name, groups);
        AuthenticationResultType tokens = cognito.signIn(email, PASSWORD);
        return new TestUser(id, email, name, tokens.accessToken(), tokens.idToken());
    }

    public record TestUser(String id, String email, String displayName, String accessToken, String idToken) {
    }
}
