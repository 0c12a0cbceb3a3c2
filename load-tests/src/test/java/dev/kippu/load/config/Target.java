package dev.kippu.load.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where a load test runs: a Kippu that LoadRun starts here with the {@link dev.kippu.contract.KippuLauncher}
 * of that name, or one already running at {@code url}; and where its virtual users come from.
 */
public record Target(String name, String packaging, Optional<String> launcher, Optional<URI> url, Users users) {

    /** Where the virtual users are minted. */
    public enum Users {
        /** the user pool of the stand-ins LoadRun started */
        STAND_INS,
        /** the pool of the stack that {@code ./kippu local} wrote to {@code .kippu/local-stack.json} */
        STACK_FILE,
        /** a deployed Cognito pool */
        DEPLOYED_POOL
    }
}
