package dev.kippu.account;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Profiles of users. A profile is copied from the user pool the first time it is needed and kept in
 * the table, so that showing an organizer costs one batched read rather than a call per user to
 * the user pool (which is rate limited).
 */
@Service
public class AccountService {

    private final UserProfiles profiles;
    private final UserDirectory directory;

    AccountService(UserProfiles profiles, UserDirectory directory) {
        this.profiles = profiles;
        this.directory = directory;
    }

    public UserProfile profileOf(CurrentUser user) {
        return profiles.find(user.id()).orElseGet(() -> {
            UserProfile profile = directory.lookUp(user)
                    .orElseGet(() -> new UserProfile(user.id(), user.username(), null, null));
            profiles.save(profile);
            return profile;
        });
    }

    public Map<String, UserProfile> profiles(Collection<String> userIds) {
        return profiles.findAll(userIds);
    }
}
