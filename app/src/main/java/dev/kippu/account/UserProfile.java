package dev.kippu.account;

/** The public face of a user (display name) plus the address only they may see. */
public record UserProfile(String id, String displayName, String email) {
}
