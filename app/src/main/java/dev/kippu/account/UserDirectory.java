package dev.kippu.account;

import java.util.Optional;

/** The user pool, the source of truth for a user's name and e-mail address. */
public interface UserDirectory {

    Optional<UserProfile> lookUp(CurrentUser user);
}
