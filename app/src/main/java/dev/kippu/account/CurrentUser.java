package dev.kippu.account;

import java.util.Objects;
import java.util.Set;

import dev.kippu.common.Forbidden;

/**
 * The signed-in caller of a use case, as the verified access token describes them.
 *
 * @param id       the user's stable identifier (the token's {@code sub})
 * @param username the user pool's user name, used to look the user's attributes up
 */
public record CurrentUser(String id, String username, Set<Role> roles) {

    public CurrentUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public void requireOrganizer() {
        if (!is(Role.ORGANIZER)) {
            throw new Forbidden("Only organizers can do this: ask to be added to the organizers group.");
        }
    }
}
