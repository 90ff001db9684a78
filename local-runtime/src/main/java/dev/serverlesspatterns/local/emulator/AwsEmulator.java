package dev.serverlesspatterns.local.emulator;

/** A running AWS API emulator (or an endpoint someone else runs); closing it stops what this run started. */
public interface AwsEmulator extends AutoCloseable {

    AwsEndpoint endpoint();

    @Override
    void close();
}
