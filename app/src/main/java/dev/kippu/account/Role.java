package dev.kippu.account;

/** What a signed-in person may do: everyone attends; members of the pool's organizers group also organise. */
public enum Role {
    ATTENDEE,
    ORGANIZER
}
