package dev.kippu.platform.timeouts;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which timeouts do not nest instead of a stack trace (registered in META-INF/spring.factories). */
public class TimeoutsFailureAnalyzer extends AbstractFailureAnalyzer<TimeoutsDoNotNest> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TimeoutsDoNotNest cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Change the settings named above so that each inner time is shorter than its outer one "
                        + "(docs/architecture.md, \"Timeouts that nest\").", cause);
    }
}
