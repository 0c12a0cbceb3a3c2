package dev.kippu.load.cost;

import java.util.Objects;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * How a runtime's compute is billed as a function of a constant request rate. Every form is
 * piecewise affine in the rate: affine on each interval (b[i], b[i+1]] between consecutive
 * {@link #breakpoints breakpoints}, which is what lets {@link CostModel} solve crossovers exactly.
 */
public sealed interface Compute {

    /** Beyond this many instance steps in a range the crossover search is refused, not slowed down. */
    int MAX_BREAKPOINTS = 1_000_000;

    /** What the compute costs in a month of {@code requestsPerSecond}, constant. */
    double monthlyUsd(double requestsPerSecond);

    /**
     * The compute cost of one more request: for per-request billing its price; for instances, an
     * instance's price spread over the requests it serves at the target utilisation (the slope of
     * the cost curve averaged over its steps).
     */
    double usdPerRequestAtCapacity();

    /** The rates in (0, upTo] at which the formula changes (instance counts step up). */
    DoubleStream breakpoints(double upTo);

    /** Billed per request: Lambda's duration charge, mean billed duration × memory. */
    record PerRequest(String what, double usdPerRequest) implements Compute {

        public PerRequest {
            Objects.requireNonNull(what, "what");
            CostModel.requireNonNegative("usdPerRequest", usdPerRequest);
        }

        @Override
        public double monthlyUsd(double requestsPerSecond) {
            return requestsPerSecond * CostModel.SECONDS_PER_MONTH * usdPerRequest;
        }

        @Override
        public double usdPerRequestAtCapacity() {
            return usdPerRequest;
        }

        @Override
        public DoubleStream breakpoints(double upTo) {
            return DoubleStream.empty();
        }
    }

    /**
     * Instances billed for every hour they run: Fargate tasks, pods, Managed Instances' EC2
     * instances. instances = max(minInstances, ceil(rate / capacity)).
     */
    record InstanceFleet(String what, double instanceHourlyUsd, Capacity capacity, int minInstances)
            implements Compute {

        public InstanceFleet {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(capacity, "capacity");
            CostModel.requirePositive("instanceHourlyUsd", instanceHourlyUsd);
            if (minInstances < 0) {
                throw new IllegalArgumentException("minInstances must be >= 0, got " + minInstances);
            }
        }

        public int instances(double requestsPerSecond) {
            return Math.max(minInstances, CostModel.instancesFor(requestsPerSecond, capacity));
        }

        @Override
        public double monthlyUsd(double requestsPerSecond) {
            return instances(requestsPerSecond) * instanceHourlyUsd * CostModel.HOURS_PER_MONTH;
        }

        @Override
        public double usdPerRequestAtCapacity() {
            return instanceHourlyUsd / 3600 / capacity.requestsPerSecondPerInstance();
        }

        @Override
        public DoubleStream breakpoints(double upTo) {
            return CostModel.instanceSteps(upTo, capacity);
        }
    }

    /**
     * Instances billed only while they have a request in flight (Cloud Run's request-based
     * billing), with no minimum. The billed instance-seconds per second are taken as
     * min(instances, rate × meanRequestSeconds): the requests in flight (Little's law) when they
     * rarely overlap, every running instance when they always do. Overlapping requests on one
     * instance share its billed time, so this is an upper bound between the two.
     */
    record BusyTimeFleet(String what, double instanceSecondUsd, Capacity capacity, double meanRequestSeconds)
            implements Compute {

        public BusyTimeFleet {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(capacity, "capacity");
            CostModel.requirePositive("instanceSecondUsd", instanceSecondUsd);
            CostModel.requirePositive("meanRequestSeconds", meanRequestSeconds);
        }

        public double billedInstanceSecondsPerSecond(double requestsPerSecond) {
            return Math.min(CostModel.instancesFor(requestsPerSecond, capacity),
                    requestsPerSecond * meanRequestSeconds);
        }

        @Override
        public double monthlyUsd(double requestsPerSecond) {
            return billedInstanceSecondsPerSecond(requestsPerSecond) * instanceSecondUsd
                    * CostModel.SECONDS_PER_MONTH;
        }

        @Override
        public double usdPerRequestAtCapacity() {
            return instanceSecondUsd * Math.min(meanRequestSeconds, 1 / capacity.requestsPerSecondPerInstance());
        }

        @Override
        public DoubleStream breakpoints(double upTo) {
            // where rate × d reaches the instance count k: rate = k / d
            int saturations = (int) Math.min(Math.ceil(upTo * meanRequestSeconds), MAX_BREAKPOINTS + 1L);
            if (saturations > MAX_BREAKPOINTS) {
                throw new IllegalArgumentException("rate range up to " + upTo + " req/s is too wide for " + what);
            }
            DoubleStream saturation = IntStream.rangeClosed(1, saturations)
                    .mapToDouble(k -> k / meanRequestSeconds)
                    .filter(rate -> rate <= upTo);
            return DoubleStream.concat(CostModel.instanceSteps(upTo, capacity), saturation);
        }
    }
}
