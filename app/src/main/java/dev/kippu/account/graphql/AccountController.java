package dev.kippu.account.graphql;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dev.kippu.account.AccountService;
import dev.kippu.account.CurrentUser;
import dev.kippu.account.Role;
import dev.kippu.account.UserProfile;

/** {@code me} and the {@code User} type: e-mail and roles are shown to their owner only. */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @QueryMapping
    UserProfile me(@Nullable CurrentUser user) {
        return user == null ? null : accounts.profileOf(user);
    }

    @SchemaMapping(typeName = "User")
    String email(UserProfile profile, @Nullable CurrentUser user) {
        return isOwn(profile, user) ? profile.email() : null;
    }

    @SchemaMapping(typeName = "User")
    List<Role> roles(UserProfile profile, @Nullable CurrentUser user) {
        return isOwn(profile, user) ? user.roles().stream().sorted().toList() : List.of();
    }

    private static boolean isOwn(UserProfile profile, CurrentUser user) {
        return user != null && user.id().equals(profile.id());
    }
}
