package dev.kippu.load.users;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/**
 * Keeps this process's calls to a deployed user pool under a share of the account's request-rate
 * quota of each category, and waits out the throttling that comes all the same
 * ({@code TooManyRequestsException} once the SDK's own quick retries are spent) with a pause that
 * doubles. The quotas are per account and Region, shared by every pool and by the people signing
 * up and in on the site during a run, hence a share. Categories and default quotas:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
 */
final class CognitoQuotas {

    /** The categories of the operations the load users need, with their default quotas in requests per second. */
    enum Category {
        /** AdminCreateUser */
        USER_CREATION(50),
        /** AdminSetUserPassword */
        USER_ACCOUNT_RECOVERY(30),
        /** AdminAddUserToGroup */
        USER_RESOURCE_UPDATE(25),
        /** InitiateAuth */
        USER_AUTHENTICATION(120),
        /** ListUsers */
        USER_LIST(30),
        /** AdminDeleteUser */
        USER_UPDATE(25);

        private final int defaultQuota;

        Category(int defaultQuota) {
            this.defaultQuota = defaultQuota;
        }
    }

    private final Map<Category, Pacing> pacing = new EnumMap<>(Category.class);
    private final Duration firstPause;
    private final int attempts;

    /**
     * @param shareOfQuota the share of each default quota this process may use
     * @param firstPause   the pause after the first throttled attempt, doubled after each further one
     * @param attempts     attempts per request before its throttling is thrown
     */
    CognitoQuotas(double shareOfQuota, Duration firstPause, int attempts) {
        for (Category category : Category.values()) {
            pacing.put(category, new Pacing(Duration.ofNanos(Math.round(1e9 / (category.defaultQuota * shareOfQuota)))));
        }
        this.firstPause = firstPause;
        this.attempts = attempts;
    }

    /** Half of each quota; pauses of 1, 2, 4, 8 and 16 s for a request that stays throttled. */
    static CognitoQuotas halfOfTheDefaults() {
        return new CognitoQuotas(0.5, Duration.ofSeconds(1), 6);
    }

    /** Sends the request in its turn, again after a pause while it is throttled. */
    <T> T call(Category category, Supplier<T> request) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            pacing.get(category).awaitTurn();
            try {
                return request.get();
            } catch (TooManyRequestsException throttled) {
                if (attempt == attempts) {
                    throw throttled;
                }
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    /** Requests of one category at least {@code interval} apart. */
    private static final class Pacing {

        private final long intervalNanos;
        private long nextTurn = System.nanoTime();

        Pacing(Duration interval) {
            this.intervalNanos = interval.toNanos();
        }

        synchronized void awaitTurn() {
            long now = System.nanoTime();
            if (nextTurn - now > 0) {
                sleep(Duration.ofNanos(nextTurn - now));
            }
            nextTurn = Math.max(now, nextTurn) + intervalNanos;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing the calls to Cognito", e);
        }
    }
}
