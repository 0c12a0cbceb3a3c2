package dev.kippu.bench;

/**
 * One start of a variant: seconds from just before the process was spawned to its first correct
 * answer, and the CPU time it had used and the memory it held at that moment.
 */
record Measurement(double seconds, double cpuSeconds, double rssMiB) {
}
