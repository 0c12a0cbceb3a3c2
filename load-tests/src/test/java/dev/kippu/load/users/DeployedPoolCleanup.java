package dev.kippu.load.users;

import java.nio.file.Path;

/**
 * Deletes the load users from the deployed pool and forgets their tokens: after each run against a
 * deployment, and as a command ({@code main}, with the variables of {@link DeployedPool#fromEnvironment})
 * after a run that was cut short before its own clean-up.
 */
public final class DeployedPoolCleanup {

    /** Where LoadRun keeps the minted users and their tokens. */
    public static final Path USERS = Path.of("target/load-users");

    private DeployedPoolCleanup() {
    }

    public static void main(String[] args) {
        try (DeployedPool pool = DeployedPool.fromEnvironment()) {
            System.out.printf("load: deleted %d load users from pool %s%n", cleanUp(pool, USERS), pool.userPoolId());
        }
    }

    /** Deletes every load user from the pool and the tokens kept for it in {@code usersFolder}; returns how many users. */
    public static int cleanUp(DeployedPool pool, Path usersFolder) {
        int deleted = pool.deleteLoadUsers();
        new LoadUsers(pool, usersFolder).forget();
        return deleted;
    }
}
