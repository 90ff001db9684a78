package dev.serverlesspatterns.benchmarks;

/** One JVM start: measured, or failed with the reason and the end of its log. */
public sealed interface RunResult {

    /** @param wallMs the whole process, from starting it to its exit, measured by the parent */
    record Measured(long wallMs, ProbeResult probe) implements RunResult {}

    record Failed(String reason, String logTail) implements RunResult {}
}
