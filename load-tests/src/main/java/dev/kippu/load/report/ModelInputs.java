package dev.kippu.load.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

import dev.kippu.load.cost.RequestProfile;

/**
 * The figures the cost and spike models take, each measured in the first of its targets whose run
 * has it, or else assumed, and the report says which. Request times and CPU come from a steady run
 * (mixed, browse or soak: a flash sale or a smoke run is no steady state), the start and the cold
 * starts from any run.
 */
record ModelInputs(Input lambdaMeanMillis, Input lambdaInitMillis, Input cpuMillisPerRequest, Input startMillis,
                   Input provisioningSeconds, Input cloudRunMeanMillis, Input knativeMeanMillis, Input requestBytes,
                   Input responseBytes, Input dynamoReadUnits, Input dynamoWriteUnits) {

    private static final String NOT_IN_RESULTS = "not in the results: a guess for Kippu's GraphQL operations";

    /** One figure, where it came from, and whether it was measured in the runs read. */
    record Input(String what, double value, String unit, boolean measured, String source) {
    }

    static ModelInputs from(ComparedRuns runs) {
        return new ModelInputs(
                // local-lambda's mean holds the waits for environments being started or busy, which
                // Lambda does not bill: the same code's mean on a long-running JVM stands in for it
                measured(runs::steadyRunsOf, List.of("lambda", "local-container", "local"),
                        "Lambda's mean request time (taken as its billed duration: an upper bound)", "ms",
                        run -> run.all().meanMillis(), 50, "assumed"),
                measured(runs::runsOf, List.of("lambda", "local-lambda"),
                        "Lambda's init of a new execution environment, SnapStart and native alike (local-lambda's "
                                + "least, an environment with the machine to itself: the JVM's own init, an upper "
                                + "bound of a restore or a native init)", "ms",
                        ModelInputs::leastInitMillis, 1_000, "assumed"),
                measured(runs::steadyRunsOf, List.of("local-container", "local", "local-aot"),
                        "Kippu's CPU time per request (the instances' capacity: vCPU × 1000 × 60 % / this)", "ms",
                        LoadResult::cpuMillisPerRequest, 25, "assumed"),
                measured(runs::runsOf, List.of("local-container", "local-aot", "local"),
                        "an instance's start to its first 200", "ms", LoadResult::millisToFirst200, 1_939,
                        "docs/benchmarks.md: the container image with its AOT cache, start to ready"),
                assumed("provisioning and image pull of a new instance", "s", 30,
                        "not measurable on this machine (docs/spike-model.md)"),
                measured(runs::steadyRunsOf, List.of("cloudrun", "local-container", "local"),
                        "Cloud Run's mean request time (its billed busy time)", "ms", run -> run.all().meanMillis(), 50,
                        "assumed"),
                measured(runs::steadyRunsOf, List.of("knative", "local-container", "local"),
                        "Knative's mean request time (its in-flight requests)", "ms", run -> run.all().meanMillis(), 50,
                        "assumed"),
                assumed("request bytes", "B", 1_000, NOT_IN_RESULTS),
                assumed("response bytes", "B", 4_000, NOT_IN_RESULTS),
                assumed("DynamoDB read request units per request", "", 1, NOT_IN_RESULTS),
                assumed("DynamoDB write request units per request", "", 0.2, NOT_IN_RESULTS));
    }

    List<Input> all() {
        return List.of(lambdaMeanMillis, lambdaInitMillis, cpuMillisPerRequest, startMillis, provisioningSeconds,
                cloudRunMeanMillis, knativeMeanMillis, requestBytes, responseBytes, dynamoReadUnits, dynamoWriteUnits);
    }

    RequestProfile requestProfile() {
        return new RequestProfile(requestBytes.value(), responseBytes.value(), dynamoReadUnits.value(),
                dynamoWriteUnits.value());
    }

    private static Input measured(Function<String, List<LoadResult>> runsOf, List<String> targets, String what,
                                  String unit, Function<LoadResult, OptionalDouble> figure, double assumed,
                                  String assumption) {
        for (String target : targets) {
            for (LoadResult run : runsOf.apply(target)) {
                OptionalDouble value = figure.apply(run);
                // a time or CPU of 0 is a run that measured nothing, and the models refuse it
                if (value.isPresent() && value.getAsDouble() > 0) {
                    return new Input(what, value.getAsDouble(), unit, true, run.label() + ", " + run.startedAt());
                }
            }
        }
        return new Input(what, assumed, unit, false, "no run of " + String.join(", ", targets) + " has it; "
                + assumption);
    }

    private static Input assumed(String what, String unit, double value, String why) {
        return new Input(what, value, unit, false, why);
    }

    /** Environments started at once share this machine's two cores: the least init is the one nearest Lambda's. */
    private static OptionalDouble leastInitMillis(LoadResult run) {
        return run.coldStarts().stream().map(LoadResult.ColdStart::initMillis).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).min();
    }
}
