package dev.serverlesspatterns.benchmarks;

import java.util.Optional;

/**
 * A template function's line in the report: its runs, its SDK floor's and its plain-Java floor's, or why it was not
 * benchmarked.
 *
 * @param fixture the event file, relative to the repository
 * @param notBenchmarked why no JVM was started for it ("no fixture", "not built"); empty when it ran
 * @param sdkFloor the {@link SdkFloorHandler} making the function's AWS calls
 * @param floor the {@link PlainJavaFloor}: Jackson only
 */
record FunctionResult(
        String logicalId,
        Optional<String> fixture,
        Optional<String> notBenchmarked,
        RunSeries function,
        RunSeries sdkFloor,
        RunSeries floor) {

    static FunctionResult skipped(String logicalId, String reason) {
        return new FunctionResult(
                logicalId, Optional.empty(), Optional.of(reason), new RunSeries(), new RunSeries(), new RunSeries());
    }

    static FunctionResult measuring(String logicalId, String fixture) {
        return new FunctionResult(
                logicalId, Optional.of(fixture), Optional.empty(), new RunSeries(), new RunSeries(), new RunSeries());
    }

    int failedRuns() {
        return function.failures().size()
                + sdkFloor.failures().size()
                + floor.failures().size();
    }
}
