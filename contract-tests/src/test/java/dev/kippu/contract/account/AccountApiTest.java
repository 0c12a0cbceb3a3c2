package dev.kippu.contract.account;

import org.junit.jupiter.api.Test;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

@ContractTest
class AccountApiTest {

    private final KippuApi api;

    AccountApiTest(KippuApi api) {
        this.api = api;
    }

    @Test
    void meIsNullForAnonymousCallers() {
        api.anonymous().documentName("me").execute().path("me").valueIsNull();
    }

    @Test
    void meShowsYourOwnAddressAndRoles() {
        TestUser organizer = TestUsers.organizer();
        api.as(organizer).documentName("me").execute()
                .path("me.id").entity(String.class).isEqualTo(organizer.id())
                .path("me.displayName").entity(String.class).isEqualTo(organizer.displayName())
                .path("me.email").entity(String.class).isEqualTo(organizer.email())
                .path("me.roles").entityList(String.class).containsExactly("ATTENDEE", "ORGANIZER");
        TestUser attendee = TestUsers.attendee();
        api.as(attendee).documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("ATTENDEE");
    }
}
