package dev.kippu.load.users;

import dev.kippu.contract.TestUsers;
import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.UserPool;

/** The stand-in's pool: every virtual user has the contract suite's password, as no one else can reach it. */
public record LocalPool(UserPool pool) implements LoadUserPool {

    @Override
    public String userPoolId() {
        return pool.userPoolId();
    }

    @Override
    public void createUser(String email, String displayName, boolean organizer) {
        if (organizer) {
            pool.createUser(email, TestUsers.PASSWORD, displayName, CognitoStandIn.ORGANIZERS);
        } else {
            pool.createUser(email, TestUsers.PASSWORD, displayName);
        }
    }

    @Override
    public String signIn(String email) {
        return pool.signIn(email, TestUsers.PASSWORD).accessToken();
    }
}
