package dev.serverlesspatterns.redrive;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Finds a queue by the template logical id it was created for, in one stack. */
final class QueueLocator {

    private final SqsClient sqs;
    private final Optional<String> stack;

    QueueLocator(SqsClient sqs, Optional<String> stack) {
        this.sqs = sqs;
        this.stack = stack;
    }

    /**
     * The queue URL, given as is or found by name: {@code <stack>-<LogicalId>} (plus {@code .fifo}) is how the
     * local runtime names a queue; CloudFormation adds a random suffix, {@code <stack>-<LogicalId>-<suffix>}.
     */
    String url(String queue) {
        if (CommandLine.isUrl(queue)) {
            return queue;
        }
        // CommandLine accepts a logical id only together with a stack.
        String stackName = stack.orElseThrow();
        String prefix = stackName + "-" + queue;
        Pattern generated = Pattern.compile(Pattern.quote(prefix) + "(-[A-Za-z0-9]+)?(\\.fifo)?");
        List<String> matches = sqs.listQueuesPaginator(request -> request.queueNamePrefix(prefix)).queueUrls().stream()
                .filter(url -> generated
                        .matcher(url.substring(url.lastIndexOf('/') + 1))
                        .matches())
                .toList();
        return switch (matches.size()) {
            case 1 -> matches.getFirst();
            case 0 ->
                throw new RedriveException("No queue for " + queue + " in stack " + stackName + " (none named " + prefix
                        + ", " + prefix + ".fifo or " + prefix + "-<suffix>): give its URL instead");
            default ->
                throw new RedriveException("Several queues could be " + queue + " in stack " + stackName + ": "
                        + String.join(", ", matches) + "; give the URL of the one you mean");
        };
    }
}
