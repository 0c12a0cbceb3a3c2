package dev.kippu.load.report;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs the report puts side by side: of the load results read, the latest (by start) of each
 * target and test type, in the order of {@link #TARGETS}; the latest stand-in ceiling; and the
 * files left out because a later run of the same target and test type was read.
 */
record ComparedRuns(List<LoadResult> runs, Optional<StandInCeiling> ceiling, List<Path> leftOut) {

    /** Local targets first, then the cloud, then the stack; any other target after these, by name. */
    static final List<String> TARGETS = List.of("local", "local-aot", "local-lambda", "local-container", "lambda",
            "lambda-mi", "fargate", "knative", "cloudrun", "stack");

    /** The steady profiles, in the order their figures are preferred as measured inputs of the models. */
    static final List<String> STEADY_PROFILES = List.of("mixed", "browse", "soak");

    static ComparedRuns latestOf(List<ResultFile> files) {
        Map<String, LoadResult> latest = new LinkedHashMap<>();
        Optional<StandInCeiling> ceiling = Optional.empty();
        for (ResultFile file : files) {
            switch (file) {
                case LoadResult run -> latest.merge(run.target() + "\n" + run.testType(), run,
                        (kept, other) -> other.startedAt().isAfter(kept.startedAt()) ? other : kept);
                case StandInCeiling read -> ceiling = ceiling.filter(kept -> kept.startedAt().isAfter(read.startedAt()))
                        .or(() -> Optional.of(read));
            }
        }
        List<LoadResult> runs = latest.values().stream()
                .sorted(Comparator.comparingInt(ComparedRuns::targetRank).thenComparing(LoadResult::target)
                        .thenComparing(LoadResult::testType))
                .toList();
        Optional<StandInCeiling> keptCeiling = ceiling;
        List<Path> leftOut = files.stream().filter(file -> !runs.contains(file) && keptCeiling.orElse(null) != file)
                .map(ResultFile::file).toList();
        return new ComparedRuns(runs, ceiling, leftOut);
    }

    /** The local (executable jar) run of the same test type, to which the others are compared. */
    Optional<LoadResult> localOf(String testType) {
        return runs.stream().filter(run -> run.target().equals("local") && run.testType().equals(testType)).findFirst();
    }

    /** The target's runs of {@link #STEADY_PROFILES}, in that order. */
    List<LoadResult> steadyRunsOf(String target) {
        return STEADY_PROFILES.stream()
                .flatMap(profile -> runs.stream().filter(run -> run.target().equals(target)
                        && run.testType().equals(profile)))
                .toList();
    }

    /** Every run of the target, in the order of {@link #runs}. */
    List<LoadResult> runsOf(String target) {
        return runs.stream().filter(run -> run.target().equals(target)).toList();
    }

    private static int targetRank(LoadResult run) {
        int rank = TARGETS.indexOf(run.target());
        return rank < 0 ? TARGETS.size() : rank;
    }
}
