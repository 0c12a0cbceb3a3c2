package dev.kippu.account;

import java.util.Locale;

/**
 * The public face of a user (display name) plus what only they and Kippu's e-mails use: their
 * address and language.
 */
public record UserProfile(String id, String displayName, String email, Locale locale) {

    public UserProfile {
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    public static UserProfile unknown(String id) {
        return new UserProfile(id, null, null, null);
    }
}
