package dev.kippu.account;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kippu.support.ApiTest;
import dev.kippu.support.KippuApi;
import dev.kippu.support.TestUsers;
import dev.kippu.support.TestUsers.TestUser;

@ApiTest
class AccountApiTest {

    @LocalServerPort
    int port;

    @Test
    void meIsNullForAnonymousCallers() {
        KippuApi.forLocalPort(port).anonymous().documentName("me").execute().path("me").valueIsNull();
    }

    @Test
    void meShowsYourOwnAddressAndRoles() {
        TestUser organizer = TestUsers.organizer();
        KippuApi.forLocalPort(port).as(organizer).documentName("me").execute()
                .path("me.id").entity(String.class).isEqualTo(organizer.id())
                .path("me.displayName").entity(String.class).isEqualTo(organizer.displayName())
                .path("me.email").entity(String.class).isEqualTo(organizer.email())
                .path("me.roles").entityList(String.class).containsExactly("ATTENDEE", "ORGANIZER");
        TestUser attendee = TestUsers.attendee();
        KippuApi.forLocalPort(port).as(attendee).documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("ATTENDEE");
    }
}
