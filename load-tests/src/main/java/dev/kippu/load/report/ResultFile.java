package dev.kippu.load.report;

import java.nio.file.Path;
import java.time.Instant;

/** One file the report reads: a load-test result, or the DynamoDB stand-in's measured ceiling. */
sealed interface ResultFile permits LoadResult, StandInCeiling {

    Path file();

    Instant startedAt();
}
