package dev.kippu.load.spike;

/**
 * On-demand Lambda (SnapStart or native): a request that finds no free execution environment gets a
 * new one, and waits for its init (a SnapStart restore, or the native executable's init: measured
 * inputs), if the function's scaling allowance and the concurrency limit allow; otherwise it is
 * throttled (429) at once, nothing queues. The allowance is 1,000 environments every 10 seconds,
 * refilled continuously (100 a second) and never accumulated beyond 1,000. A ready environment
 * serves one request at a time, 1 / meanRequestSeconds a second (Little's law: concurrency = rate
 * × duration).
 *
 * <p>Sources: https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html (1,000 execution
 * environments every 10 seconds per function, refilled continuously, not accumulated; 429 beyond
 * the scaling rate or the concurrency limit), https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
 * (1,000 concurrent executions per account and Region by default).
 */
public record LambdaScaling(int burstEnvironments, double environmentsPerSecond, int concurrencyLimit,
                            double initSeconds, double meanRequestSeconds) {

    public LambdaScaling {
        if (burstEnvironments < 1 || concurrencyLimit < 1) {
            throw new IllegalArgumentException("burst and concurrency limit >= 1, got " + burstEnvironments + ", "
                    + concurrencyLimit);
        }
        Spike.requirePositive("environmentsPerSecond", environmentsPerSecond);
        Spike.requireFinite("initSeconds", initSeconds);
        Spike.requirePositive("meanRequestSeconds", meanRequestSeconds);
    }

    /**
     * deploy-lambda as deployed: no reserved concurrency, so the account's default limit of 1,000;
     * Lambda's documented scaling rate. Init and request time are measured.
     */
    public static LambdaScaling stack(double initSeconds, double meanRequestSeconds) {
        return new LambdaScaling(1_000, 100, 1_000, initSeconds, meanRequestSeconds);
    }
}
