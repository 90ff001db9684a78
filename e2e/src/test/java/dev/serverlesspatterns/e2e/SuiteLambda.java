package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The SDK's Lambda client for the suite's local Invoke API, signed as the stack's AWS endpoint signs. */
final class SuiteLambda {

    private SuiteLambda() {}

    /** A client of {@link LocalSuite#lambdaEndpoint()}; the caller closes it. */
    static LambdaClient client(LocalSuite suite) {
        AwsEndpoint aws = suite.stack().endpoint();
        return new AwsEndpoint(
                        suite.lambdaEndpoint(),
                        aws.region(),
                        aws.accessKeyId(),
                        aws.secretAccessKey(),
                        "the suite's Lambda Invoke API")
                .configure(LambdaClient.builder());
    }
}
