package dev.serverlesspatterns.local.emulator;

/** An endpoint given through {@code AWS_ENDPOINT_URL}: used as is, never stopped by this run. */
record ExternalEndpoint(AwsEndpoint endpoint) implements AwsEmulator {

    @Override
    public void close() {}
}
