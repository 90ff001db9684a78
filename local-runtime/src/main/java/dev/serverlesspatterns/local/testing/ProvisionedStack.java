package dev.serverlesspatterns.local.testing;

import dev.serverlesspatterns.local.provision.Stack;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/** What a test needs to look at the emulator behind the functions it drives. */
public final class ProvisionedStack {

    private final Stack stack;

    /** The view of a stack provisioned elsewhere: a running suite's, say. */
    public ProvisionedStack(Stack stack) {
        this.stack = stack;
    }

    /** What {@code Ref} returns for a resource: a table's name, a secret's ARN. */
    public String physicalName(String logicalId) {
        return stack.ref(logicalId);
    }

    public String secretString(String logicalId) {
        return stack.secretValue(logicalId)
                .orElseThrow(() -> new IllegalArgumentException(logicalId + " is not a provisioned secret"));
    }

    /** An SDK client for the emulator, for assertions on what a function wrote. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return stack.endpoint().configure(builder);
    }
}
