package dev.kippu.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Stored user profiles, so that an event can show its organizer without asking the user pool. */
public interface UserProfiles {

    Optional<UserProfile> find(String userId);

    Map<String, UserProfile> findAll(Collection<String> userIds);

    void save(UserProfile profile);
}
