package dev.serverlesspatterns.local.emulator;

import java.net.URI;

/** A running AWS API emulator (or an endpoint someone else runs); closing it stops what this run started. */
public interface AwsEmulator extends AutoCloseable {

    AwsEndpoint endpoint();

    /**
     * Sends the Lambda tasks of the emulator's Step Functions executions to {@code lambdaApi} (the local runtime's
     * Lambda Invoke API), so that they run the suite's functions.
     *
     * @return false where the emulator cannot be told: its executions then call its own Lambda
     */
    default boolean sendLambdaTasksTo(URI lambdaApi) {
        return false;
    }

    @Override
    void close();
}
