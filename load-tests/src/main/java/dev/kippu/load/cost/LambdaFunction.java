package dev.kippu.load.cost;

import java.util.Objects;

/**
 * A Lambda function as configured and measured: its memory, its architecture, and the mean billed
 * duration of one request (measured; include INIT time if cold starts are to be counted).
 */
public record LambdaFunction(int memoryMb, Architecture architecture, double meanBilledDurationMs) {

    public LambdaFunction {
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("Lambda memory is 128 to 10240 MB, got " + memoryMb);
        }
        Objects.requireNonNull(architecture, "architecture");
        CostModel.requirePositive("meanBilledDurationMs", meanBilledDurationMs);
    }

    /** GB-seconds one request is billed for (Lambda counts a GB as 1024 MB). */
    public double gbSecondsPerRequest() {
        return memoryMb / 1024.0 * meanBilledDurationMs / 1000;
    }
}
